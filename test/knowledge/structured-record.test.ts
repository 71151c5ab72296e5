import { describe, expect, it } from 'vitest';
import { procedureSchema } from '../../src/knowledge/procedure.js';
import { fromStructuredRecord, structuredFees, structuredRecordSchema } from '../../src/knowledge/structured-record.js';

/** Real snippets of the national database's structured export (nhdandz_tthc207). */
describe('structuredFees', () => {
  it.each([
    ['Phí : 0 Đồng', []],
    ['Phí : Không Đồng', []],
    ['Phí : 2.000.000 Đồng (Thẩm định cấp phép sử dụng vật liệu nổ công nghiệp phục vụ  nghiên cứu, kiểm định, thử nghiệm)\nPhí : 3.500.000 Đồng (Thẩm định cấp phép sử dụng vật liệu nổ công nghiệp phục vụ tìm kiếm, thăm dò, khai thác trên đất liền)',
      [[2000000, 'VND', 'Thẩm định cấp phép sử dụng vật liệu nổ công nghiệp phục vụ nghiên cứu, kiểm định, thử nghiệm'], [3500000, 'VND', 'Thẩm định cấp phép sử dụng vật liệu nổ công nghiệp phục vụ tìm kiếm, thăm dò, khai thác trên đất liền']]],
    ['Phí : 0.5 USD (Người nước ngoài dưới 16 tuổi)\nLệ phí : 01 USD (Người nước ngoài từ 16 tuổi trở lên)', [[0.5, 'USD', 'Người nước ngoài dưới 16 tuổi'], [1, 'USD', 'Người nước ngoài từ 16 tuổi trở lên']]],
    ['Lệ phí : 1.5 USD', [[1.5, 'USD', 'Lệ phí']]],
    ['Phí : Mức thu bằng 50% mức thu phí quy định tại Mục I và Mục II Biểu mức thu phí, lệ phí ban hành kèm theo Thông tư số 249/2016/TT-BTC ngày 11 tháng 11 năm 2016 Đồng', []],
  ])('%#', (text, want) => {
    expect(structuredFees(text).map((f) => [f.amount, f.currency, f.label])).toEqual(want);
  });
});

describe('fromStructuredRecord', () => {
  const record = {
    thu_tuc_id: '1.013124',
    source_file: 'ChiTietTTHC_1.013124.doc',
    metadata: {
      'mã_thủ_tục': '1.013124',
      'tên_thủ_tục': 'Thủ tục thẩm định và phê duyệt kế hoạch ứng phó sự cố tràn dầu của các cơ sở, dự án dầu khí ngoài khơi',
      'số_quyết_định': 'Quyết định số 6225/QĐ-BQP',
      'cấp_thực_hiện': 'Cấp Bộ',
      'lĩnh_vực': 'Ứng phó sự cố tràn dầu',
    },
    content: {
      'trình_tự_thực_hiện': 'Bước 1: Các cơ sở, dự án dầu khí ngoài khơi xây dựng kế hoạch ứng phó sự cố tràn dầu.\nBước 2: Trong thời hạn 30 ngày làm việc, Ủy ban ra quyết định phê duyệt.',
      'đối_tượng_thực_hiện': 'Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX)',
      'cơ_quan_thực_hiện': 'Văn phòng Ủy ban Quốc gia Ứng phó sự cố, thiên tai và Tìm kiếm cứu nạn',
      'kết_quả_thực_hiện': 'Quyết định phê duyệt kế hoạch ứng phó sự cố tràn dầu.',
      'yêu_cầu_điều_kiện_thực_hiện': 'Không',
    },
    tables: {
      hinh_thuc_nop: [{ hinh_thuc: 'Trực tiếp', thoi_han_giai_quyet: '30 Ngày làm việc', phi_le_phi: 'Phí : 0 Đồng', mo_ta: '' }],
      thanh_phan_ho_so: [{ ten_giay_to: 'Văn bản đề nghị thẩm định và phê duyệt kế hoạch ứng phó sự cố tràn dầu.', so_luong: '', ghi_chu: 'Bản chính: 1\nBản sao: 0' }],
      can_cu_phap_ly: [{ so_ky_hieu: '12', trich_yeu: 'Quyết định số 12/2021/QĐ-TTg ngày 24/3/2021 của Thủ tướng Chính phủ ban hành Quy chế hoạt động ứng phó với sự cố tràn dầu' }],
    },
  };

  it('maps tables and metadata onto a valid canonical record', () => {
    const p = fromStructuredRecord(structuredRecordSchema.parse(record));
    expect(procedureSchema.safeParse(p).success).toBe(true);
    expect(p).toMatchObject({
      code: '1.013124',
      levels: ['Cấp Bộ'],
      agencies: ['Văn phòng Ủy ban Quốc gia Ứng phó sự cố, thiên tai và Tìm kiếm cứu nạn'],
      audience: ['Công dân Việt Nam', 'Tổ chức (không bao gồm doanh nghiệp, HTX)'],
      methods: [{ channel: 'truc_tiep', duration: { value: 30, unit: 'ngày làm việc' }, fees: [] }],
      papers: [{ original: 1, copies: 0 }],
      requirements: [],
      legalBases: [{ code: '12/2021/QĐ-TTg' }],
      source: { decision: 'Quyết định số 6225/QĐ-BQP' },
    });
    expect(p.steps).toHaveLength(2);
  });
});

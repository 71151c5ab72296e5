import type { NationalRecord } from '../../src/dossiers/national-record.js';

/** A dossier in the national sync vocabulary (CONTRACTS.md §5); fictional person and phone. */
export function record(overrides: Partial<NationalRecord> = {}): NationalRecord {
  return {
    MaHoSo: '000.00.12.H23-241115-0001',
    MaTTHC: '1.004222',
    TenTTHC: 'Đăng ký thường trú',
    ChuHoSo: 'Nguyễn Văn An',
    SoDienThoai: '0912345678',
    Email: 'an.nguyen@example.com',
    NgayTiepNhan: '20241115083000',
    NgayHenTra: '20241126170000',
    NgayKetThucXuLy: null,
    TrangThaiHoSo: 4,
    DonViXuLy: 'Bộ phận Một cửa UBND phường Láng Hạ',
    QuaTrinhXuLy: [
      { NoiDungXuLy: 'Tiếp nhận hồ sơ', ThoiDiemXuLy: '20241115083000', PhongBanXuLy: 'Bộ phận Một cửa' },
      { NoiDungXuLy: 'Chuyển Công an phường thẩm định', ThoiDiemXuLy: '20241118090000', PhongBanXuLy: 'Công an phường' },
    ],
    ...overrides,
  };
}

/** 08:00 on a Vietnamese local date, as an instant. */
export function vn(date: string, time = '08:00'): Date {
  return new Date(`${date}T${time}:00+07:00`);
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askJsonl } from '../support/ask-process.js';
import { record } from './fixtures.js';


describe('ask --jsonl: dossier status with the embedded provider', () => {
  it('a typed code, then the last 4 digits, gives the status; another session stays separate', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dossier-ask-'));
    writeFileSync(join(dataDir, 'dossiers.json'), JSON.stringify({ dossiers: [record({ TrangThaiHoSo: 5,
      QuaTrinhXuLy: [{ NoiDungXuLy: 'Bổ sung giấy xác nhận chỗ ở hợp pháp', ThoiDiemXuLy: '20241119100000', PhongBanXuLy: 'Công an phường' }] })] }));
    const { out, code, stderr } = await askJsonl([
      { text: 'hồ sơ 000.00.12.h23-241115-0001 của tôi đến đâu rồi', session: 'd1' },
      { text: 'tra cứu hồ sơ', session: 'd2' },
      { text: '5678', session: 'd1' },
    ], { args: ['--knowledge', 'knowledge'], env: { DATA_DIR: dataDir, DOSSIER_API_URL: '', REDIS_URL: '' } });
    expect(code, stderr).toBe(0);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ session: 'd1', intent: 'dossier_status', clarify: false });
    expect(out[0].text).toContain('4 số cuối');
    expect(out[1]).toMatchObject({ session: 'd2', intent: 'dossier_status' });
    expect(out[1].text).toContain('mã hồ sơ');
    expect(out[2]).toMatchObject({ session: 'd1', intent: 'dossier_status' });
    expect(out[2].text).toContain('Tình trạng: Yêu cầu bổ sung giấy tờ.');
    expect(out[2].text).toContain('Bổ sung giấy xác nhận chỗ ở hợp pháp');
    expect(out[2].text).not.toContain('Nguyễn Văn An');
    expect(typeof out[2].speak).toBe('string');
  });
});

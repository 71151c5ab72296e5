import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { record } from './fixtures.js';

/**
 * From a typed code to the status through `ask --jsonl` sessions (CONTRACTS.md §1), in a child
 * process, with the embedded provider reading a dossiers.json written here into a temp DATA_DIR.
 */
function askJsonl(lines: object[], dataDir: string): Promise<Array<Record<string, unknown>>> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli.ts', 'ask', '--knowledge', 'knowledge', '--jsonl'], {
      env: { ...process.env, DATA_DIR: dataDir, DOSSIER_API_URL: '', REDIS_URL: '', LOG_LEVEL: 'silent' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`ask exited with ${code}: ${err}`));
      resolve(out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)));
    });
    child.stdin.end(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  });
}

describe('ask --jsonl: dossier status with the embedded provider', () => {
  it('a typed code, then the last 4 digits, gives the status; another session stays separate', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dossier-ask-'));
    writeFileSync(join(dataDir, 'dossiers.json'), JSON.stringify({ dossiers: [record({ TrangThaiHoSo: 5,
      QuaTrinhXuLy: [{ NoiDungXuLy: 'Bổ sung giấy xác nhận chỗ ở hợp pháp', ThoiDiemXuLy: '20241119100000', PhongBanXuLy: 'Công an phường' }] })] }));
    const out = await askJsonl([
      { text: 'hồ sơ 000.00.12.h23-241115-0001 của tôi đến đâu rồi', session: 'd1' },
      { text: 'tra cứu hồ sơ', session: 'd2' },
      { text: '5678', session: 'd1' },
    ], dataDir);
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

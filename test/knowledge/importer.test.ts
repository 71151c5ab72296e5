import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/knowledge/importer.js';
import { writeKnowledgeDir } from '../../src/knowledge/knowledge-dir.js';
import { hasShared, portalCrawl, structuredExport } from '../support/shared.js';
import { rmSync } from 'node:fs';

const work = mkdtempSync(join(tmpdir(), 'import-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A trimmed but real portal record (1.004222, Đăng ký thường trú). */
const portalLine = JSON.stringify({
  ma_thu_tuc: '1.004222',
  detail_url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-0000-0000-0000-000000000000',
  ten_thu_tuc: 'Đăng ký thường trú',
  so_quyet_dinh: '1523/QĐ-BCA-C06',
  cap_thuc_hien: 'Cấp xã',
  linh_vuc: 'Đăng ký, quản lý cư trú',
  doi_tuong_thuc_hien: 'Công dân Việt Nam',
  co_quan_thuc_hien: 'Công an cấp Xã',
  trinh_tu_thuc_hien: 'Bước 1: Chuẩn bị hồ sơ.\nBước 2: Nộp hồ sơ.',
  cach_thuc_thuc_hien: 'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến7 Ngày làm việc10,000 Việt Nam Đồng(Nộp trực tuyến thu 10.000 đồng/lần đăng ký.)Trực tiếp7 Ngày làm việc20,000 Việt Nam Đồng',
  thanh_phan_ho_so: '--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai thay đổi thông tin cư trú (CT01)1 bản chính',
  can_cu_phap_ly: 'Tên văn bản pháp lýMã văn bảnLuật Cư trú 202068/2020/QH14',
  yeu_cau_dieu_kien: 'Không có thông tin',
  ket_qua_xu_ly: 'Cập nhật thông tin trong Cơ sở dữ liệu về cư trúMã: KQ.G01.000066Từ khóaKhông có thông tinNộp hồ sơ',
});

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', resolve('src/cli.ts'), 'import', ...args], { encoding: 'utf8' });

describe('importFiles', () => {
  it('converts a portal line into a canonical record', async () => {
    const { procedures, rejected } = await importFiles([file('one.jsonl', `${portalLine}\n`)]);
    expect(rejected).toEqual([]);
    expect(procedures[0]).toMatchObject({
      code: '1.004222', levels: ['Cấp xã'], results: ['Cập nhật thông tin trong Cơ sở dữ liệu về cư trú'],
      legalBases: [{ code: '68/2020/QH14', title: 'Luật Cư trú 2020' }],
      source: { decision: '1523/QĐ-BCA-C06', retrievedAt: '2026-07-20' },
    });
  });

  it('reports a malformed line, a wrong type and keeps the good record', async () => {
    const bad = { ...JSON.parse(portalLine), ma_thu_tuc: '1.000001', ten_thu_tuc: 42 };
    const path = file('mixed.jsonl', [portalLine, '{"ma_thu_tuc": "1.000002", "ten_thu', JSON.stringify(bad), '"just a string"'].join('\n'));
    const { procedures, rejected } = await importFiles([path]);
    expect(procedures.map((p) => p.code)).toEqual(['1.004222']);
    expect(rejected).toHaveLength(3);
    expect(rejected[0]).toMatchObject({ source: 'mixed.jsonl:2', code: '1.000002' });
    expect(rejected[0]!.reason).toMatch(/malformed JSON/u);
    expect(rejected[1]).toMatchObject({ source: 'mixed.jsonl:3', code: '1.000001' });
    expect(rejected[1]!.reason).toMatch(/ten_thu_tuc/u);
    expect(rejected[2]!.reason).toMatch(/not a procedure record/u);
  });

  it('reports a truncated JSON array file instead of crashing', async () => {
    const { procedures, rejected } = await importFiles([file('cut.json', `[${portalLine.slice(0, 200)}`)]);
    expect(procedures).toEqual([]);
    expect(rejected[0]!.reason).toMatch(/truncated/u);
  });

  it('reports a missing file', async () => {
    const { rejected } = await importFiles([join(work, 'nope.jsonl')]);
    expect(rejected[0]!.reason).toMatch(/cannot read/u);
  });

  it('rejects a record whose canonical fields break the schema, naming the field', async () => {
    const { procedures } = await importFiles([file('ok.jsonl', portalLine)]);
    const broken = { ...procedures[0]!, code: 'abc' };
    const { rejected } = await importFiles([file('broken.json', JSON.stringify(broken))]);
    expect(rejected[0]!.reason).toMatch(/^code:/u);
  });

  it('re-importing canonical output is a no-op (byte-identical files)', async () => {
    const first = join(work, 'kb1');
    const second = join(work, 'kb2');
    const { procedures } = await importFiles([file('src.jsonl', portalLine)]);
    await writeKnowledgeDir(first, procedures);
    const again = await importFiles([first]);
    expect(again.rejected).toEqual([]);
    await writeKnowledgeDir(second, again.procedures);
    expect(readFileSync(join(second, '1.004222.json'), 'utf8')).toBe(readFileSync(join(first, '1.004222.json'), 'utf8'));
    // An array of records and a single record file are accepted too.
    const arr = await importFiles([file('arr.json', JSON.stringify(again.procedures))]);
    expect(arr.procedures).toEqual(again.procedures);
  });

  it('rejects a second record with the same code', async () => {
    const { procedures, rejected } = await importFiles([file('dup.jsonl', `${portalLine}\n${portalLine}\n`)]);
    expect(procedures).toHaveLength(1);
    expect(rejected[0]!.reason).toMatch(/duplicate/u);
  });

  it('keeps only the listed codes with `only`', async () => {
    const other = portalLine.replace('1.004222', '1.000123');
    const { procedures, rejected } = await importFiles([file('two.jsonl', `${portalLine}\n${other}\n`)], { only: new Set(['1.000123']) });
    expect(procedures.map((p) => p.code)).toEqual(['1.000123']);
    expect(rejected).toEqual([]);
  });
});

describe('writeKnowledgeDir', () => {
  it('replaces an existing directory whole and leaves no temporary directory', async () => {
    const out = join(work, 'replace', 'kb');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'stale.json'), '{}');
    const { procedures } = await importFiles([file('r.jsonl', portalLine)]);
    await writeKnowledgeDir(out, procedures);
    expect(readdirSync(out)).toEqual(['1.004222.json']);
    expect(readdirSync(join(work, 'replace'))).toEqual(['kb']);
  });
});

describe('import command', () => {
  it('prints rejections and `imported N, rejected M` last; exit 0', () => {
    const out = join(work, 'cli-out');
    const path = file('cli.jsonl', `${portalLine}\nnot json\n`);
    const r = cli([path, '--out', out, '--report']);
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('imported 1, rejected 1');
    expect(r.stdout).toMatch(/rejected - \(cli\.jsonl:2\): malformed JSON line/u);
    expect(r.stdout).toMatch(/"feeAmount": 1/u);
    expect(r.status).toBe(0);
    expect(existsSync(join(out, '1.004222.json'))).toBe(true);
  }, 30_000);

  it('exits 1 and writes nothing when nothing imports', () => {
    const out = join(work, 'cli-empty');
    const r = cli([file('bad.jsonl', 'nope\n'), '--out', out]);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('imported 0, rejected 1');
    expect(r.status).toBe(1);
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it.skipIf(!hasShared)('imports the portal crawl and the structured export together', () => {
    const out = join(work, 'cli-all');
    const r = cli([portalCrawl, structuredExport, '--out', out]);
    expect(r.status).toBe(0);
    const [, n, m] = /imported (\d+), rejected (\d+)$/u.exec(r.stdout.trim())!;
    expect(Number(n)).toBeGreaterThan(2642);
    expect(Number(n) + Number(m)).toBe(2642 + 207);
  }, 60_000);
});

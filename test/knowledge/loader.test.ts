import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';

const work = mkdtempSync(join(tmpdir(), 'loader-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const record = {
  code: '1.004222', name: 'Đăng ký thường trú', field: 'Đăng ký, quản lý cư trú', levels: ['Cấp xã'],
  agencies: ['Công an cấp xã'], audience: ['Công dân Việt Nam'], steps: ['Bước 1: Nộp hồ sơ.'],
  methods: [{ channel: 'truc_tiep', duration: { value: 7, unit: 'ngày làm việc' }, fees: [{ amount: 20000, currency: 'VND', per: null, label: null }], note: null }],
  papers: [{ name: 'Tờ khai thay đổi thông tin cư trú', original: 1, copies: 0, template: null, group: null }],
  requirements: [], results: ['Cập nhật thông tin trong Cơ sở dữ liệu về cư trú'],
  legalBases: [{ code: '68/2020/QH14', title: 'Luật Cư trú' }],
  source: { url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/x', decision: null, retrievedAt: '2026-07-20' },
};

describe('loadKnowledge', () => {
  it('reports a bad file with its name and field; the rest still loads', async () => {
    const dir = join(work, 'kb', 'procedures');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '1.004222.json'), JSON.stringify(record));
    writeFileSync(join(dir, '1.000001.json'), JSON.stringify({ ...record, code: '1.000001', methods: [{ ...record.methods[0], channel: 'fax' }] }));
    writeFileSync(join(dir, '1.000002.json'), '{"code": "1.000002", ');
    const { procedures, problems } = await loadKnowledge(join(work, 'kb'));
    expect(procedures.map((p) => p.code)).toEqual(['1.004222']);
    expect(problems).toContainEqual(expect.objectContaining({ file: join(dir, '1.000001.json'), field: 'methods.0.channel' }));
    expect(problems).toContainEqual(expect.objectContaining({ file: join(dir, '1.000002.json'), field: '' }));
  });

  it('reports a missing directory instead of throwing', async () => {
    const { procedures, problems } = await loadKnowledge(join(work, 'nowhere'));
    expect(procedures).toEqual([]);
    expect(problems[0]).toMatchObject({ file: join(work, 'nowhere'), field: '' });
  });

  it('loads the shipped knowledge without a single problem', async () => {
    const { procedures, problems } = await loadKnowledge('knowledge');
    expect(problems).toEqual([]);
    expect(procedures.length).toBeGreaterThanOrEqual(60);
    for (const p of procedures) expect(p.source.url).toMatch(/^https:\/\/dichvucong\.gov\.vn\//u);
  });

  it('shipped files are exactly what the importer writes (sorted keys, stable form)', async () => {
    const { procedures } = await loadKnowledge('knowledge');
    for (const p of procedures.slice(0, 10)) {
      expect(readFileSync(join('knowledge', 'procedures', `${p.code}.json`), 'utf8')).toBe(`${JSON.stringify(p, null, 2)}\n`);
    }
  });
});

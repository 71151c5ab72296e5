import { describe, expect, it } from 'vitest';
import { demoRecords } from '../../src/dossiers/embedded-provider.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';

describe('demo dossiers (DATA_DIR/dossiers.json written at first start)', () => {
  it('name procedures that ship with the project, under their published names', async () => {
    const { procedures } = await loadKnowledge('knowledge');
    const byCode = new Map(procedures.map((p) => [p.code, p.name]));
    const records = demoRecords(new Date('2026-11-23T02:00:00Z'));
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(byCode.has(r.MaTTHC!), `${r.MaHoSo}: ${r.MaTTHC} is not shipped`).toBe(true);
      expect(byCode.get(r.MaTTHC!)!.startsWith(r.TenTTHC), `${r.MaHoSo}: "${r.TenTTHC}" is not the name of ${r.MaTTHC}`).toBe(true);
    }
  });
});

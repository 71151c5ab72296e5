import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Procedure } from '../../src/knowledge/procedure.js';
import { composeAnswer, continueAnswer, fitAnswer } from '../../src/assistant/answer.js';
import { formatFee, formatMoney } from '../../src/assistant/money.js';
import { formatDuration } from '../../src/assistant/answers/deadline.js';
import { formatDate } from '../../src/assistant/date.js';
import type { Intent } from '../../src/assistant/turn.js';

const { procedures } = await loadKnowledge('knowledge');
const byCode = new Map(procedures.map((p) => [p.code, p]));
const text = (p: Procedure, intent: Intent, limit = 100_000) => fitAnswer(composeAnswer(p, intent), limit).text;
const digits = (s: string) => s.replace(/(\d)\.(?=\d{3}(?!\d))/g, '$1');

/** A dozen shipped procedures of different shapes: fees in the table or only in the note, durations missing, many papers. */
const dozen = ['1.004194', '1.001193', '1.000894', '1.000656', '1.004873', '2.000635', '1.004222', '1.002755', '1.001612', '3.000347', '3.000333', '1.013225'];

describe('money and dates', () => {
  it.each([
    [200000, 'VND', '200.000 đồng'], [7000, 'VND', '7.000 đồng'], [1500000, 'VND', '1.500.000 đồng'],
    [0, 'VND', '0 đồng'], [10, 'USD', '10 USD'], [2.5, 'USD', '2,5 USD'],
  ] as const)('%d %s -> %s', (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });
  it('writes a fee with its unit and label', () => {
    expect(formatFee({ amount: 10000, currency: 'VND', per: 'lần đăng ký', label: null })).toBe('10.000 đồng/lần đăng ký');
    expect(formatFee({ amount: 50, currency: 'USD', per: null, label: 'cấp mới' })).toBe('50 USD (cấp mới)');
  });
  it('writes dates as dd/mm/yyyy in Vietnam time', () => {
    expect(formatDate('2024-11-25T18:30:00Z')).toBe('26/11/2024');
  });
});

describe('answers composed from the record', () => {
  it('has the dozen procedures shipped', () => {
    for (const code of dozen) expect(byCode.has(code), code).toBe(true);
  });

  describe.each(dozen)('%s', (code) => {
    const p = byCode.get(code)!;
    it('names the procedure, its code and its official link in every kind of answer', () => {
      for (const intent of ['papers', 'fees', 'deadline', 'where', 'online', 'steps', 'overview'] as Intent[]) {
        const t = text(p, intent);
        expect(t).toContain(p.name);
        expect(t).toContain(p.code);
        expect(t).toContain(p.source.url);
      }
    });

    it('lists every paper, numbered, with its original and copy counts', () => {
      const t = text(p, 'papers');
      if (p.papers.length === 0) {
        expect(t).toMatch(/chưa ghi thành phần hồ sơ/);
        return;
      }
      const lines = t.split('\n');
      for (const paper of p.papers) {
        const start = paper.name.replace(/\s+/g, ' ').trim().slice(0, 40);
        const candidates = lines.filter((l) => /^\d+\. /.test(l) && l.includes(start));
        expect(candidates.length, paper.name).toBeGreaterThan(0);
        const counted = candidates.some((l) => (paper.original === 0 || l.includes(`${paper.original} bản chính`))
          && (paper.copies === 0 || l.includes(`${paper.copies} bản sao`)));
        expect(counted, paper.name).toBe(true);
      }
    });

    it('gives every fee amount as Vietnamese money, and the note when there is one', () => {
      const t = text(p, 'fees');
      for (const m of p.methods) {
        for (const f of m.fees) expect(t).toContain(formatMoney(f.amount, f.currency));
        if (m.fees.length === 0 && m.note) expect(t).toContain(m.note.replace(/\s+/g, ' ').trim().replace(/^\(/, '').slice(0, 60));
      }
      if (p.methods.every((m) => m.fees.length === 0)) expect(t).not.toMatch(/^-[^:]*: miễn phí\.?$/im);
    });

    it('gives the duration of each channel, or says the record has none', () => {
      const t = text(p, 'deadline');
      const known = p.methods.filter((m) => m.duration);
      if (known.length === 0) expect(t).toMatch(/không ghi thời hạn/);
      for (const m of known) expect(t).toContain(formatDuration(m.duration!));
    });

    it('says whether it can be filed online, as the record does', () => {
      const t = text(p, 'online');
      if (p.methods.some((m) => m.channel === 'truc_tuyen')) {
        expect(t).toMatch(/^Có, thủ tục này có thể nộp hồ sơ trực tuyến/m);
        expect(t).toContain('https://dichvucong.gov.vn');
      } else {
        expect(t).toMatch(/chưa có hình thức nộp trực tuyến/);
      }
    });

    it('names the agencies and levels for "where"', () => {
      const t = text(p, 'where');
      for (const a of p.agencies) expect(t).toContain(a);
      for (const l of p.levels) expect(t).toContain(l);
    });
  });

  it('says when the record accepts the dossier regardless of residence', () => {
    const anywhere = procedures.filter((p) => [...p.steps, ...p.requirements, ...p.methods.map((m) => m.note ?? '')]
      .some((t) => /không phụ thuộc (vào )?nơi cư trú/i.test(t)));
    expect(anywhere.length).toBeGreaterThan(0);
    for (const p of anywhere) expect(text(p, 'where'), p.code).toMatch(/Nơi cư trú: .*không phụ thuộc (vào )?nơi cư trú/i);
    const local = byCode.get('1.004194')!;
    expect(text(local, 'where')).not.toMatch(/Nơi cư trú:/);
  });

  it('golden: temporary residence fees and duration (1.004194)', () => {
    const p = byCode.get('1.004194')!;
    expect(text(p, 'fees')).toMatch(/Nộp trực tuyến: 7\.000 đồng\/lần đăng ký/);
    expect(text(p, 'fees')).toMatch(/Nộp trực tiếp: 10\.000 đồng/);
    expect(text(p, 'deadline')).toMatch(/Nộp trực tiếp, Nộp trực tuyến: 3 ngày làm việc|Nộp trực tuyến, Nộp trực tiếp: 3 ngày làm việc/);
  });

  it('golden: driving licence exchange fees (3.000347)', () => {
    const t = digits(text(byCode.get('3.000347')!, 'fees'));
    expect(t).toContain('135000 đồng');
    expect(t).toContain('115000 đồng');
  });

  it('a fee stated only in the note is given with the note, never as a bare "miễn phí"', () => {
    const base = byCode.get('1.004194')!;
    const p: Procedure = {
      ...base,
      methods: [{
        channel: 'truc_tiep', duration: null, fees: [],
        note: 'Miễn phí(- Lệ phí cấp giấy phép: 135.000 đồng/lần đối với trường hợp cấp lại)',
      }],
    };
    const t = text(p, 'fees');
    expect(t).toContain('135.000 đồng/lần');
    expect(t).toMatch(/ghi chú/i);
  });

  it('says so when the record lacks papers, fees, durations or steps, and points to the link', () => {
    const base = byCode.get('1.004194')!;
    const empty: Procedure = { ...base, papers: [], methods: [], steps: [], agencies: [], levels: [] };
    for (const intent of ['papers', 'fees', 'deadline', 'steps', 'where'] as Intent[]) {
      const t = text(empty, intent);
      expect(t).toMatch(/chưa ghi|không ghi/);
      expect(t).toContain(base.source.url);
      expect(t).not.toMatch(/\d+\.\d{3} đồng/);
    }
  });
});

describe('channel limits and "xem thêm"', () => {
  const long = procedures.reduce((a, b) => (a.papers.length >= b.papers.length ? a : b));
  it.each([2000, 4096, 600])('fits %d characters, keeps the link, and continues where it stopped', (limit) => {
    const full = composeAnswer(long, 'papers');
    let fitted = fitAnswer(full, limit);
    const parts = [fitted.text];
    while (fitted.more) {
      fitted = continueAnswer(fitted.more, limit);
      parts.push(fitted.text);
    }
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(limit);
      expect(part).toContain(long.source.url);
      expect(part).toContain(long.code);
    }
    if ([full.head, ...full.lines, full.foot].join('\n').length > limit) {
      expect(parts.length).toBeGreaterThan(1);
      expect(parts[0]).toContain('xem thêm');
    }
    // Every numbered paper line appears in some part.
    const numbered = full.lines.filter((l) => /^\d+\. /.test(l) && l.length < limit / 4);
    for (const line of numbered) expect(parts.some((p) => p.includes(line))).toBe(true);
  });
});

describe('steps are paginated, never shortened', () => {
  it('keeps every word of every step across the parts', () => {
    const long = procedures.reduce((a, b) => (a.steps.join(' ').length >= b.steps.join(' ').length ? a : b));
    let fitted = fitAnswer(composeAnswer(long, 'steps'), 2000);
    const parts = [fitted.text];
    while (fitted.more) {
      fitted = continueAnswer(fitted.more, 2000);
      parts.push(fitted.text);
    }
    const shown = parts.join(' ').replace(/\s+/g, ' ');
    for (const step of long.steps) {
      for (const word of step.replace(/\s+/g, ' ').split(' ').filter((w) => w.length > 6)) expect(shown).toContain(word);
    }
  });
});

describe('a channel listed several times', () => {
  it('gives all its durations on one line and says the record does not tell the cases apart', () => {
    const base = byCode.get('1.004194')!;
    const note = 'Thông tư số 60/2023/TT-BTC quy định mức thu lệ phí.';
    const p: Procedure = {
      ...base,
      methods: [
        { channel: 'truc_tiep', duration: { value: 2, unit: 'ngày làm việc' }, fees: [], note },
        { channel: 'truc_tiep', duration: { value: 1, unit: 'giờ' }, fees: [], note },
      ],
    };
    const t = text(p, 'deadline');
    expect(t).toMatch(/Nộp trực tiếp: 2 ngày làm việc; 1 giờ \(tùy trường hợp/);
    const distinct: Procedure = { ...p, methods: p.methods.map((m, i) => ({ ...m, note: i === 0 ? 'Xe đăng ký lần đầu.' : 'Xe đã có biển số.' })) };
    expect(text(distinct, 'deadline')).toMatch(/2 ngày làm việc \(Xe đăng ký lần đầu\.\); 1 giờ \(Xe đã có biển số\.\)/);
  });
});

describe('the same procedure at other levels', () => {
  it('"where" and the overview name every same-named record at another level', async () => {
    const { siblingIndex, baseName } = await import('../../src/assistant/sibling.js');
    const siblingsOf = siblingIndex(procedures);
    const withSiblings = procedures.filter((p) => siblingsOf(p).length > 0);
    expect(withSiblings.length).toBeGreaterThan(0);
    for (const p of withSiblings) {
      for (const intent of ['where', 'overview'] as Intent[]) {
        const t = fitAnswer(composeAnswer(p, intent, { siblings: siblingsOf(p) }), 100_000).text;
        for (const s of siblingsOf(p)) expect(t, `${p.code} ${intent}`).toContain(`mã ${s.code}`);
      }
    }
    expect(baseName('Cấp đổi thẻ căn cước (thực hiện tại cấp trung ương)')).toBe(baseName('Cấp đổi thẻ căn cước'));
    expect(baseName('Đăng ký khai sinh lưu động')).not.toBe(baseName('Đăng ký khai sinh'));
    // The other ways names of the crawl tell levels apart.
    const same: Array<[string, string]> = [
      ['Cấp giấy phép nhận chìm ở biển (cấp tỉnh)', 'Cấp giấy phép nhận chìm ở biển (cấp TW)'],
      ['Cấp tem “AB” cho công dân Việt Nam xuất cảnh sang Cộng hòa dân chủ nhân dân Lào (thực hiện ở cấp tỉnh)', 'Cấp tem “AB” cho công dân Việt Nam xuất cảnh sang Cộng hòa dân chủ nhân dân Lào'],
      ['Cấp giấy phép nổ mìn và các hoạt động gây nổ khác trong phạm vi bảo vệ công trình thuỷ lợi thuộc thẩm quyền cấp phép của Chủ tich UBND cấp tỉnh',
        'Cấp giấy phép nổ mìn và các hoạt động gây nổ khác trong phạm vi bảo vệ công trình thủy lợi do Chủ tịch UBND cấp tỉnh phân cấp cho Chủ tịch UBND cấp xã'],
      ['Thẩm định báo cáo đánh giá tác động môi trường (Cấp tỉnh) (1.010733)', 'Thẩm định báo cáo đánh giá tác động môi trường (cấp Bộ) (1.010732)'],
    ];
    for (const [a, b] of same) expect(baseName(a), a).toBe(baseName(b));
    // "(cấp lần đầu)" is not a level.
    expect(baseName('Thủ tục đăng ký cấp giấy chứng nhận đủ điều kiện kinh doanh dịch vụ kiểm toán (cấp lần đầu)')).toMatch(/lan dau$/);
  });
});

import { create, insertMultiple, search } from '@orama/orama';
import { describe, expect, it } from 'vitest';

/**
 * The facts about @orama/orama 3.1.18 that shaped src/search (custom tokenizer, `~`-terminated
 * terms, exact-term index component). If an upgrade makes one of these fail, revisit the design
 * notes in docs/search.md rather than patching the test.
 */
describe('Orama 3.1.18 as the search design assumes it', () => {
  it('has no Vietnamese language', () => {
    expect(() => create({ schema: { name: 'string' } as const, language: 'vietnamese' as never })).toThrow(/not supported/);
  });

  it('default tokenizer breaks Vietnamese words apart', () => {
    const db = create({ schema: { name: 'string' } as const });
    expect(db.tokenizer.tokenize('Đăng ký thường trú')).toEqual(['ng', 'k', 'th', 'tr']);
  });

  it('exact: true finds nothing for an accented phrase that is there', async () => {
    const db = create({ schema: { name: 'string' } as const });
    await insertMultiple(db, [{ id: 'a', name: 'Cấp hộ chiếu phổ thông' }]);
    expect((await search(db, { term: 'hộ chiếu', exact: true })).count).toBe(0);
  });

  it('matches by prefix without being asked to', async () => {
    const db = create({ schema: { name: 'string' } as const });
    await insertMultiple(db, [{ id: 'a', name: 'hoa hong' }]);
    expect((await search(db, { term: 'ho' })).hits.map((h) => h.id)).toEqual(['a']);
  });
});

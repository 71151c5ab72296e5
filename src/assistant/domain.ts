import type { Procedure } from '../knowledge/procedure.js';
import { foldDiacritics } from '../search/normalize.js';

/** Folded words joined by single spaces and padded, so `includes(' x y ')` respects word bounds. */
const spaced = (folded: string) => ` ${folded.split(/[^a-z0-9]+/).filter(Boolean).join(' ')} `;

/**
 * Domains that a field names with a long phrase its procedures mostly leave out: field "Thực
 * hiện chính sách BHXH" against "Giải quyết hưởng chế độ thai sản". In a question ("hưởng thai
 * sản bhxh") the phrase's many words outweigh the one that names the benefit, so for procedures
 * of that field the ranking leaves the phrase out of coverage and phrase runs (ranking.ts
 * `fieldDomain`).
 *
 * A domain phrase is an expansion of the lexicon's abbreviations of three words or more that a
 * field name contains while at most a third of the field's procedure names do ("giấy phép lái
 * xe" is in half of its field's names: a topic, not a domain).
 *
 * Returns, for a question (folded, lower case), the check the ranking calls per candidate, or
 * undefined when the question names no domain.
 */
export function createFieldDomains(
  procedures: Procedure[],
  abbreviationExpansions: Iterable<string>,
  readName: (name: string) => string,
): (folded: string) => ((code: string) => ReadonlySet<string> | null) | undefined {
  const fieldOf = new Map<string, string>();
  const namesOfField = new Map<string, string[]>();
  for (const p of procedures) {
    if (!p.field) continue;
    const field = spaced(readName(p.field));
    fieldOf.set(p.code, field);
    namesOfField.set(field, [...(namesOfField.get(field) ?? []), spaced(readName(p.name))]);
  }
  const fieldsOfDomain = new Map<string, Set<string>>();
  for (const expansion of new Set([...abbreviationExpansions].map((l) => foldDiacritics(l).toLowerCase()))) {
    if (expansion.split(' ').length < 3) continue;
    const phrase = ` ${expansion} `;
    const fields = [...namesOfField].filter(([field, names]) => field.includes(phrase)
      && names.filter((n) => n.includes(phrase)).length * 3 <= names.length).map(([field]) => field);
    if (fields.length > 0) fieldsOfDomain.set(expansion, new Set(fields));
  }

  return (folded) => {
    const question = spaced(folded);
    const named = [...fieldsOfDomain.keys()].filter((d) => question.includes(` ${d} `));
    if (named.length === 0) return undefined;
    const words = new Set(named.flatMap((d) => d.split(' ')));
    return (code) => {
      const field = fieldOf.get(code);
      return field !== undefined && named.some((d) => fieldsOfDomain.get(d)!.has(field)) ? words : null;
    };
  };
}

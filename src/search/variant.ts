import type { Lexicon } from './lexicon.js';
import { foldDiacritics } from './normalize.js';

/**
 * Special variants of a procedure ("... có yếu tố nước ngoài", "... lưu động", "... tại khu
 * vực biên giới", "(thực hiện tại cấp trung ương)") share almost every word with the base
 * procedure, so text matching alone cannot tell them apart. A citizen who does not mention the
 * special case means the base procedure; one who does ("kết hôn với người nước ngoài") means
 * the variant. Each variant group on which a candidate and the question disagree multiplies
 * the candidate's score by `factor`.
 */
export class VariantRule {
  private readonly groups: Array<{ name: string[]; question: string[]; unless: string[]; covers: number[] }>;

  constructor(lexicon: Lexicon, readonly factor = 0.75) {
    const ids = lexicon.variants.map((g) => g.id);
    this.groups = lexicon.variants.map((g) => ({
      name: g.name.map(padFold), question: g.question.map(padFold), unless: (g.unless ?? []).map(padFold),
      covers: (g.covers ?? []).map((id) => ids.indexOf(id)).filter((i) => i >= 0),
    }));
  }

  /** Indexes of the variant groups a procedure name belongs to. */
  groupsOfName(name: string): number[] {
    const n = padFold(withoutListedAudiences(withoutExclusions(name)));
    return this.groups.flatMap((g, i) => (g.name.some((p) => n.includes(p)) ? [i] : []));
  }

  /**
   * Groups a name mentions only as one audience among others ("... đối với hộ gia đình, cá nhân,
   * người gốc Việt Nam định cư ở nước ngoài"): the procedure serves both cases, so neither a
   * question that asks for the case nor one that does not is a mismatch.
   */
  listedGroupsOfName(name: string): number[] {
    const n = padFold(withoutExclusions(name));
    const firm = this.groupsOfName(name);
    return this.groups.flatMap((g, i) => (!firm.includes(i) && g.name.some((p) => n.includes(p)) ? [i] : []));
  }

  /** Indexes of the variant groups a question asks about. */
  groupsOfQuestion(question: string): number[] {
    const q = padFold(withoutExclusions(question));
    return this.groups.flatMap((g, i) => (g.question.some((p) => q.includes(p)) && !g.unless.some((p) => q.includes(p)) ? [i] : []));
  }

  /** Multiplier for a candidate: `factor` to the number of groups where name and question disagree. */
  weight(nameGroups: number[], questionGroups: number[], listedGroups: number[] = []): number {
    let mismatches = 0;
    for (const g of nameGroups) if (!questionGroups.includes(g)) mismatches++;
    for (const g of questionGroups) {
      if (nameGroups.includes(g) || listedGroups.includes(g)) continue;
      // A name of a group that covers the case asked ("nhập quốc tịch ở trong nước" for a foreigner
      // living here) is no mismatch.
      if (nameGroups.some((n) => this.groups[n].covers.includes(g))) continue;
      mismatches++;
    }
    return this.factor ** mismatches;
  }
}

/** Folded, punctuation as spaces, padded: phrase containment then respects word boundaries. */
function padFold(text: string): string {
  return ` ${foldDiacritics(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/**
 * The text without its exclusions: "(trừ nhà đầu tư nước ngoài ...)" says the procedure is NOT
 * the foreign case, "(không phải là tàu bay, tàu biển, chứng khoán ...)" NOT the securities case,
 * so the words inside must not put it (or a question quoting it) there.
 */
function withoutExclusions(text: string): string {
  return text.replace(/\(\s*(?:trừ|không phải là|không bao gồm)[^)]*\)/giu, ' ').replace(/\btrừ\b[^,;.()]*/giu, ' ');
}

/** The name without audience items after the first ("công dân Việt Nam, người nước ngoài ..."). */
function withoutListedAudiences(text: string): string {
  return text.replace(/,\s*người\s[^,;()]*/giu, ' ');
}

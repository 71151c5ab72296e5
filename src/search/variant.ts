import type { Lexicon } from './lexicon.js';
import { foldDiacritics } from './normalize.js';

/**
 * Special variants of a procedure ("... có yếu tố nước ngoài", "... lưu động", "... tại khu
 * vực biên giới", "(thực hiện tại cấp trung ương)") share almost every word with the base
 * procedure, and their longer names often carry the extra words a question happens to use. A
 * citizen who does not mention the special case means the base procedure, so each variant
 * phrase in a name that the question does not mention lowers that candidate's score.
 */
export class VariantRule {
  private readonly phrases: string[];

  constructor(lexicon: Lexicon, readonly factor = 0.8) {
    // Longest first, so "có yếu tố nước ngoài" is counted once, not again as "yếu tố nước ngoài".
    this.phrases = [...new Set(lexicon.variants.map((v) => ` ${foldDiacritics(v)} `))].sort((a, b) => b.length - a.length);
  }

  /** How many variant phrases `name` has that `question` does not; both normalized text. */
  unmentioned(name: string, question: string): number {
    let n = ` ${fold(name)} `;
    const q = ` ${fold(question)} `;
    let count = 0;
    for (const p of this.phrases) {
      if (!n.includes(p)) continue;
      n = n.split(p).join(' | ');
      if (!q.includes(p)) count++;
    }
    return count;
  }

  /** Multiplier for a candidate's score: 1 for the base procedure, smaller per unmentioned variant. */
  weight(name: string, question: string): number {
    return this.factor ** this.unmentioned(name, question);
  }
}

function fold(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ');
}

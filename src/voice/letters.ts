/**
 * Vietnamese names of Latin letters, as clerks read codes aloud ("H23" -> "hát hai ba").
 * The dossier code reader (src/dossiers/dossier-code.ts) uses the same table backwards,
 * so what the bot says is what it understands when a citizen says it back.
 */
export const letterNames: Record<string, string> = {
  A: 'a', Ă: 'á', Â: 'ớ', B: 'bê', C: 'xê', D: 'dê', Đ: 'đê', E: 'e', Ê: 'ê', F: 'ép',
  G: 'giê', H: 'hát', I: 'i', J: 'gi', K: 'ca', L: 'e lờ', M: 'em mờ', N: 'en nờ', O: 'o',
  Ô: 'ô', Ơ: 'ơ', P: 'pê', Q: 'quy', R: 'e rờ', S: 'ét xì', T: 'tê', U: 'u', Ư: 'ư',
  V: 'vê', W: 'vê kép', X: 'ích xì', Y: 'i dài', Z: 'dét',
};

/** Name of one letter, or the character itself when it is not a letter we know. */
export function letterName(ch: string): string {
  return letterNames[ch.toUpperCase()] ?? ch;
}

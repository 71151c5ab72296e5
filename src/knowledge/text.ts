/**
 * Small text normalisations shared by the cell parsers. The portal pads cells with
 * non-breaking spaces, tabs and doubled blanks; answers read better without them.
 */

/** The portal's marker for an empty cell. It means "unknown", never a value. */
export const UNKNOWN = 'Không có thông tin';

/** Collapse runs of whitespace (including NBSP) to one space and trim. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** `squash`, then null for empty or the portal's "unknown" marker. */
export function known(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const t = squash(text);
  if (t === '' || t === UNKNOWN || t === '--' || t === 'Không') return null;
  return t;
}

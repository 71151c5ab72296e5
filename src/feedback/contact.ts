/**
 * Contact details as citizens type them. A phone number is normalized to the national form
 * (0 + 9 digits for mobiles, 0 + 10 digits for landlines) so "+84 912.345.678",
 * "84912345678" and "0912 345 678" are one person when a status query comes in.
 */

/** Mobile prefixes in use since the 2018 renumbering (Viettel, Vinaphone, MobiFone, Vietnamobile, Gmobile, Itel, Reddi). */
const mobile = /^0(3[2-9]|5[2689]|7[06-9]|8[1-9]|9\d)\d{7}$/;
/** Landlines since 2017: 0 + area code 2xx (e.g. 024 Hà Nội, 028 TP.HCM, 0236 Đà Nẵng) + subscriber, 11 digits. */
const landline = /^02\d{9}$/;

/** The national form of a Vietnamese phone number, or null when it is not one. */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\(?\+?[\d\s.\-()]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.includes('+') && !digits.startsWith('84')) return null;
  if (digits.startsWith('84') && (digits.length === 11 || digits.length === 12)) digits = `0${digits.slice(2)}`;
  return mobile.test(digits) || landline.test(digits) ? digits : null;
}

const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;

/** A lower-cased e-mail address, or null when it is not one. */
export function normalizeEmail(input: string): string | null {
  const e = input.trim().toLowerCase();
  return e.length <= 254 && emailPattern.test(e) ? e : null;
}

/**
 * Whether what a citizen typed for a status query matches the record's contact.
 * Compared on normalized forms, so formatting differences do not matter.
 */
export function contactMatches(given: string, contact: { phone?: string; email?: string }): boolean {
  const phone = normalizePhone(given);
  if (phone && contact.phone && phone === contact.phone) return true;
  const email = normalizeEmail(given);
  return Boolean(email && contact.email && email === contact.email);
}

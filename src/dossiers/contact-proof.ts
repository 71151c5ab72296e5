import { timingSafeEqual } from 'node:crypto';
import type { Dossier } from './dossier.js';

/**
 * Proof that the person asking is the applicant: the last 4 digits of the phone number on the
 * dossier, the whole number, or the e-mail. A dossier code is printed on paper that changes
 * hands, so the code alone is not enough to see someone's status.
 */
export type ContactKind = 'last4' | 'phone' | 'email';

export function contactKind(contact: string): ContactKind | null {
  const c = contact.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c)) return 'email';
  const digits = c.replace(/[\s.\-()]/g, '');
  if (/^\d{4}$/.test(digits)) return 'last4';
  if (/^(?:\+?84|0)\d{8,10}$/.test(digits)) return 'phone';
  return null;
}

/** Vietnamese numbers as written locally: +84 912... and 0912... are the same phone. */
export function localPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function contactMatches(dossier: Pick<Dossier, 'phone' | 'email'>, contact: string): boolean {
  const kind = contactKind(contact);
  if (!kind) return false;
  if (kind === 'email') return !!dossier.email && same(dossier.email.trim().toLowerCase(), contact.trim().toLowerCase());
  if (!dossier.phone) return false;
  const phone = localPhone(dossier.phone);
  if (kind === 'last4') return phone.length >= 4 && same(phone.slice(-4), contact.replace(/\D/g, ''));
  return same(phone, localPhone(contact));
}

const cue = /(?<!\p{L})(?:số cuối|so cuoi|đuôi|duoi|điện thoại|dien thoai|đt|dt|sđt|sdt|số máy|so may|phone|e-?mail|thư|thu)(?!\p{L})/iu;

/**
 * Find a contact proof in a chat message ("5678", "số cuối 5678", "email của tôi là a@b.vn").
 * With `needCue` (the message also carries the dossier code) bare digits count only after a word
 * such as "số cuối" or "điện thoại", so "hồ sơ nộp năm 2024" is not taken for a phone.
 */
export function findContact(text: string, opts: { needCue?: boolean } = {}): string | null {
  const email = /[^\s@,;:()]+@[^\s@,;:()]+\.[^\s@,;:()]+/.exec(text)?.[0];
  if (email) return email.replace(/[.]+$/, '');
  const phone = /(?<!\d)(?:\+?84|0)\d{2,3}[\s.]?\d{3}[\s.]?\d{3,4}(?!\d)/.exec(text)?.[0];
  if (phone) return phone.replace(/[\s.]/g, '');
  if (opts.needCue) {
    const at = cue.exec(text);
    if (!at) return null;
    text = text.slice(at.index);
  }
  const last4 = /(?<![\d.\-])\d{4}(?![\d.\-])/.exec(text)?.[0];
  return last4 ?? null;
}

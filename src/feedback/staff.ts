import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import type { StaffRole } from './lifecycle.js';

/**
 * Staff accounts of the one-stop section. Passwords are hashed with scrypt (node:crypto, memory-hard,
 * no native add-on to build); bearer tokens are random and stored only as their SHA-256, so a leaked
 * store does not hand out sessions.
 */
export const staffAccountSchema = z.object({
  username: z.string().regex(/^[a-z0-9._-]{3,40}$/),
  role: z.enum(['reviewer', 'admin']),
  /** `scrypt$N$r$p$salt$hash`, base64url parts. */
  passwordHash: z.string(),
  createdAt: z.string(),
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;

export interface StaffSession { username: string; role: StaffRole; expiresAt: string }

const N = 16384;
const r = 8;
const p = 1;
const KEYLEN = 32;

function derive(password: string, salt: Buffer, n: number, rr: number, pp: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEYLEN, { N: n, r: rr, p: pp, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, r, p);
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, rr, pp, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(rr), Number(pp));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A password good enough for a staff account: at least 10 characters. */
export function passwordProblem(password: string): string | null {
  return password.length < 10 ? 'Mật khẩu cần ít nhất 10 ký tự.' : null;
}

/** A fresh bearer token and the digest under which it is stored. */
export function newToken(): { token: string; digest: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, digest: tokenDigest(token) };
}

export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A hash to compare against when the username is unknown, so timing does not reveal which usernames exist. */
export const decoyHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** A validated account with its password hashed, ready for any store. */
export async function newStaffAccount(username: string, role: StaffRole, password: string, now: Date): Promise<StaffAccount> {
  const problem = passwordProblem(password);
  if (problem) throw new ValidationError('weak password', problem);
  const account = staffAccountSchema.safeParse({ username, role, passwordHash: 'x', createdAt: now.toISOString() });
  if (!account.success) {
    throw new ValidationError('invalid staff account', 'Tên đăng nhập chỉ gồm 3–40 chữ thường, số, dấu chấm, gạch ngang; vai trò là reviewer hoặc admin.');
  }
  return { ...account.data, passwordHash: await hashPassword(password) };
}

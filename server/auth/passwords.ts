import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// OWASP's scrypt minimum (N=2^17, r=8, p=1) costs ~128 MiB per hash; 2^15 keeps logins quick on a
// 2-core machine while staying far above brute-force economics for a support desk. Stored with
// each hash, so raising it later only affects new hashes.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

// A temporary password is 79 random bits, not a word a person chose: no dictionary shortens the
// search, so a light scrypt (~1 ms) protects it as well as the full one protects a chosen password,
// and an import of a thousand customers takes seconds, not minutes. It must be changed at the
// next sign-in, and the chosen one gets the full cost.
const TEMPORARY_PARAMS = { N: 2 ** 10, r: 8, p: 1 } as const;

async function hashWith(password: string, params: { N: number; r: number; p: number }): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** An scrypt hash: `scrypt$N$r$p$salt$key` (base64url). */
export function hashPassword(password: string): Promise<string> {
  return hashWith(password, PARAMS);
}

/** The hash of a password made by temporaryPassword() (never of one a person chose). */
export function hashTemporaryPassword(password: string): Promise<string> {
  return hashWith(password, TEMPORARY_PARAMS);
}

/** Letters and digits nobody misreads (no 0/o, 1/l/i): 31 of them, almost 5 bits each. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A one-time password: 16 random characters (79 bits) in groups of four, e.g. `k7qm-3xza-9fte-w2rb`. */
export function temporaryPassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)] ?? 'a');
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** Whether `password` matches `stored`, in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || n === undefined || r === undefined || p === undefined || salt === undefined || key === undefined) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash no password matches, so unknown logins cost as much time as known ones. */
export const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * scrypt password hashes (node:crypto; scrypt is memory-hard, RFC 7914), self-describing so that the cost can
 * be raised later: `scrypt$N$r$p$salt$key`. N = 2^14, r = 8, p = 1 uses 128·N·r = 16 MiB per hash (the
 * parameters and their sources are in docs/accounts.md). One-time passwords come from a CSPRNG.
 */
import { randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))))

const N = 16384
const R = 8
const P = 1
const KEYLEN = 32

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P })
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`
}

/** Constant-time comparison; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [n, r, p] = parts.slice(1, 4).map(Number)
  const salt = Buffer.from(parts[4], 'base64')
  const expected = Buffer.from(parts[5], 'base64')
  const key = await scrypt(password, salt, expected.length, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

let dummy: Promise<string> | undefined
/** A hash of a random password: verifying against it costs what a real check costs (no user-exists timing). */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'))
  return dummy
}

/** No 0/o, 1/l/i: a one-time password is read out over the phone or copied from a printed sheet. */
const ONE_TIME_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** A one-time password: 12 characters (about 59 bits) in three groups of four, e.g. `k7mq-2pxa-9f3d`. */
export function oneTimePassword(): string {
  const chars = Array.from({ length: 12 }, () => ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)])
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-')
}

/**
 * Encryption at rest and keyed lookup hashes (node:crypto only).
 * - Records and event details: AES-256-GCM, a fresh 12-byte IV per write, the row id as additional
 *   authenticated data (a payload copied onto another row fails to decrypt). Stored as "v1.<base64>", the
 *   prefix naming the key generation so that a later key rotation can tell old from new.
 * - Lookups (duplicate ID numbers, exact-name search): HMAC-SHA256 with a second key, with a domain label
 *   per kind, so equal values can be found without the database ever holding the value itself.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto'

const PREFIX = 'v1.'

export interface Vault {
  seal(plaintext: string, aad: string): string
  open(sealed: string, aad: string): string
  sealJson(value: unknown, aad: string): string
  openJson<T>(sealed: string, aad: string): T
  lookup(kind: 'id' | 'name' | 'person', value: string): string
}

export function createVault(dataKey: Buffer, indexKey: Buffer): Vault {
  if (dataKey.length !== 32 || indexKey.length !== 32) throw new Error('keys must be 32 bytes')
  if (dataKey.equals(indexKey)) throw new Error('HUTONG_DATA_KEY and HUTONG_INDEX_KEY must differ')
  const seal = (plaintext: string, aad: string) => {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', dataKey, iv)
    cipher.setAAD(Buffer.from(aad, 'utf8'))
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
  }
  const open = (sealed: string, aad: string) => {
    if (!sealed.startsWith(PREFIX)) throw new Error('unknown ciphertext version')
    const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64')
    const decipher = createDecipheriv('aes-256-gcm', dataKey, raw.subarray(0, 12))
    decipher.setAAD(Buffer.from(aad, 'utf8'))
    decipher.setAuthTag(raw.subarray(12, 28))
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
  }
  return {
    seal,
    open,
    sealJson: (value, aad) => seal(JSON.stringify(value), aad),
    openJson: <T>(sealed: string, aad: string) => JSON.parse(open(sealed, aad)) as T,
    lookup: (kind, value) => createHmac('sha256', indexKey).update(`${kind}\u0000${value}`).digest('base64url'),
  }
}

/** JSON with object keys sorted at every level: equal records give equal bytes, whatever the key order sent. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object).sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value)
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex')
}

/** Names as people type them: width variants folded (NFKC), spaces dropped, every middle-dot form made "·". */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/[•‧・∙⋅.．]/g, '·')
}

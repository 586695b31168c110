/**
 * Encryption at rest and keyed lookup hashes (node:crypto only).
 * - Records and event details: AES-256-GCM, a fresh 12-byte IV per write, the row id as additional
 *   authenticated data (a payload copied onto another row fails to decrypt). Stored as "v2.<key id>.<base64>":
 *   each value names the key that sealed it, so that after a key rotation the old and new keys can both be
 *   configured and each value opens with its own. Values written before key ids existed ("v1.<base64>")
 *   open with whichever configured key authenticates them.
 * - Lookups (duplicate ID numbers, exact-name search): HMAC-SHA256 with a second key, with a domain label
 *   per kind, so equal values can be found without the database ever holding the value itself. A row's
 *   hashes are all under one index key, named in its `lookup_key` column (docs/operations.md, key rotation).
 *
 * Several keys of each kind may be configured: the first seals and hashes, all of them open and search.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto'
import { withoutInvisible } from '../../src/domain/fields'

const LEGACY_PREFIX = 'v1.'
const PREFIX = 'v2.'

export type LookupKind = 'id' | 'name' | 'person'

export interface Vault {
  seal(plaintext: string, aad: string): string
  open(sealed: string, aad: string): string
  sealJson(value: unknown, aad: string): string
  openJson<T>(sealed: string, aad: string): T
  /** The lookup hash under the current index key (what a new or changed row stores). */
  lookup(kind: LookupKind, value: string): string
  /** The lookup hash under every configured index key, current first (what a search must match during a rotation). */
  lookups(kind: LookupKind, value: string): string[]
  /** Ids of the configured keys, current first: what `v2.<id>.` and `lookup_key` hold. */
  readonly dataKeyIds: string[]
  readonly indexKeyIds: string[]
  /** The id of the data key a value was sealed with ('v1' for a value older than key ids). */
  sealedWith(sealed: string): string
}

/** A short public name for a key: a hash of it, so a list of keys cannot be mislabelled by hand. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('hutong-key-id\u0000').update(key).digest('base64url').slice(0, 8)
}

function checkKeys(dataKeys: Buffer[], indexKeys: Buffer[]) {
  if (dataKeys.length === 0 || indexKeys.length === 0) throw new Error('at least one data key and one index key are needed')
  if ([...dataKeys, ...indexKeys].some((k) => k.length !== 32)) throw new Error('keys must be 32 bytes')
  const ids = [...dataKeys, ...indexKeys].map(keyId)
  if (new Set(ids).size !== ids.length) throw new Error('HUTONG_DATA_KEY and HUTONG_INDEX_KEY must differ (and list no key twice)')
}

export function createVault(dataKey: Buffer | Buffer[], indexKey: Buffer | Buffer[]): Vault {
  const dataKeys = [dataKey].flat()
  const indexKeys = [indexKey].flat()
  checkKeys(dataKeys, indexKeys)
  const byId = new Map(dataKeys.map((k) => [keyId(k), k]))
  const current = { key: dataKeys[0], id: keyId(dataKeys[0]) }

  const seal = (plaintext: string, aad: string) => {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', current.key, iv)
    cipher.setAAD(Buffer.from(aad, 'utf8'))
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
    return `${PREFIX}${current.id}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`
  }
  const decrypt = (key: Buffer, raw: Buffer, aad: string) => {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
    decipher.setAAD(Buffer.from(aad, 'utf8'))
    decipher.setAuthTag(raw.subarray(12, 28))
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
  }
  const open = (sealed: string, aad: string) => {
    if (sealed.startsWith(PREFIX)) {
      const dot = sealed.indexOf('.', PREFIX.length)
      const id = sealed.slice(PREFIX.length, dot)
      const key = byId.get(id)
      if (!key) throw new Error(`sealed with data key ${id}, which is not configured (HUTONG_DATA_KEY)`)
      return decrypt(key, Buffer.from(sealed.slice(dot + 1), 'base64'), aad)
    }
    if (!sealed.startsWith(LEGACY_PREFIX)) throw new Error('unknown ciphertext version')
    const raw = Buffer.from(sealed.slice(LEGACY_PREFIX.length), 'base64')
    for (const key of dataKeys) {
      try {
        return decrypt(key, raw, aad)
      } catch {
        // GCM refuses a wrong key: try the next one
      }
    }
    throw new Error('no configured data key opens this value (HUTONG_DATA_KEY)')
  }
  const hash = (key: Buffer, kind: LookupKind, value: string) =>
    createHmac('sha256', key).update(`${kind}\u0000${value}`).digest('base64url')
  return {
    seal,
    open,
    sealJson: (value, aad) => seal(JSON.stringify(value), aad),
    openJson: <T>(sealed: string, aad: string) => JSON.parse(open(sealed, aad)) as T,
    lookup: (kind, value) => hash(indexKeys[0], kind, value),
    lookups: (kind, value) => indexKeys.map((k) => hash(k, kind, value)),
    dataKeyIds: dataKeys.map(keyId),
    indexKeyIds: indexKeys.map(keyId),
    sealedWith: (sealed) => (sealed.startsWith(PREFIX) ? sealed.slice(PREFIX.length, sealed.indexOf('.', PREFIX.length)) : 'v1'),
  }
}

/** JSON with object keys sorted at every level: equal records give equal bytes, whatever the key order sent. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value)
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex')
}

/**
 * Names as people type them: invisible and direction characters dropped (the schema refuses them, but a
 * record stored before it did, or a search term, may hold one), width variants folded (NFKC), spaces
 * dropped, every middle-dot form made "·".
 */
export function normaliseName(name: string): string {
  return withoutInvisible(name.normalize('NFKC'))
    .replace(/\s+/g, '')
    .replace(/[•‧・∙⋅.．]/g, '·')
}

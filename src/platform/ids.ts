/**
 * UUID v4 made on the phone when a draft is created: the outbox sends it as the idempotency key, so a
 * submission retried after a lost answer is one record on the server.
 */
function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n)
  const crypto: { getRandomValues?: (a: Uint8Array) => Uint8Array } | undefined = (
    globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }
  ).crypto
  if (crypto?.getRandomValues) return crypto.getRandomValues(bytes)
  // The mini-program's JS engine has no synchronous WebCrypto; 122 bits from Math.random are plenty for
  // a key that only has to be unique among the submissions the server receives.
  for (let i = 0; i < n; i++) bytes[i] = Math.floor(Math.random() * 256)
  return bytes
}

export function uuidV4(): string {
  const b = randomBytes(16)
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

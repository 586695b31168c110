/**
 * Masking for lists and exports (docs/policy.md, "Children's personal information": "4405**********0014").
 * Keeps enough to tell two records apart in a list, never enough to reconstruct a number.
 */

/** ID numbers and 残疾人证号: the first 4 and last 4 characters. */
export function maskIdNumber(value: string | undefined | null): string {
  if (!value) return ''
  if (value.length <= 8) return '*'.repeat(value.length)
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`
}

/** Mobile numbers: 138****8001. Landlines keep the area code and the last 2 digits. */
export function maskPhone(value: string | undefined | null): string {
  if (!value) return ''
  if (/^1\d{10}$/.test(value)) return `${value.slice(0, 3)}****${value.slice(-4)}`
  // Without a hyphen the area code is read by the numbering plan: 010 and 02x have 3 digits, all others 4.
  const m = /^(0\d{2,3})-(\d+)$/.exec(value) ?? /^(010|02\d|0[3-9]\d{2})(\d{7,8})$/.exec(value)
  if (m) return `${m[1]}-${'*'.repeat(Math.max(0, m[2].length - 2))}${m[2].slice(-2)}`
  return value.length <= 4 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`
}

/** Names in lists seen by others than the family: the surname and the rest starred (陈*明 keeps the last). */
export function maskName(value: string | undefined | null): string {
  if (!value) return ''
  const chars = Array.from(value)
  if (chars.length === 1) return chars[0]
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

/**
 * The record fields a worker's screen shows masked until a tap reveals one (the server audits each
 * reveal). 残疾人证号 begins with the holder's ID number, so it is masked like one.
 */
export const SENSITIVE_FIELDS: Readonly<Record<string, 'id' | 'phone'>> = {
  'child.idNumber': 'id',
  'child.disability.certificateNo': 'id',
  'parents.father.idNumber': 'id',
  'parents.father.phone': 'phone',
  'parents.father.disabilityCertNo': 'id',
  'parents.mother.idNumber': 'id',
  'parents.mother.phone': 'phone',
  'parents.mother.disabilityCertNo': 'id',
  'guardianship.carer.idNumber': 'id',
  'guardianship.carer.phone': 'phone',
  'guardianship.contact.phone': 'phone',
}

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)

/**
 * The kind of a sensitive field, or undefined. An own-property check: a plain lookup would find
 * `constructor`, `toString` or `__proto__` on Object.prototype and take them for fields.
 */
export function sensitiveKind(path: string): 'id' | 'phone' | undefined {
  return own(SENSITIVE_FIELDS, path) ? SENSITIVE_FIELDS[path] : undefined
}

export function maskField(path: string, value: unknown): unknown {
  const kind = sensitiveKind(path)
  if (!kind || typeof value !== 'string') return value
  return kind === 'id' ? maskIdNumber(value) : maskPhone(value)
}

/** The value at a dotted path ('parents.father.phone'), or undefined; only the objects' own properties. */
export function valueAt(record: unknown, path: string): unknown {
  let node = record
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !own(node, key)) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

/**
 * A copy of the record with every sensitive field masked, and the paths that were (what a page may offer
 * to reveal). The input is not changed.
 */
export function maskRecord<T>(record: T): { record: T; masked: string[] } {
  const copy = JSON.parse(JSON.stringify(record)) as T
  const masked: string[] = []
  for (const path of Object.keys(SENSITIVE_FIELDS)) {
    const value = valueAt(copy, path)
    if (typeof value !== 'string' || value === '') continue
    const keys = path.split('.')
    const parent = valueAt(copy, keys.slice(0, -1).join('.')) as Record<string, unknown>
    parent[keys[keys.length - 1]] = maskField(path, value)
    masked.push(path)
  }
  return { record: copy, masked }
}

/**
 * Masking for lists and exports (DOMAIN.md §4.5: "4405**********0014"). Keeps enough to tell two
 * records apart in a list, never enough to reconstruct a number.
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

/**
 * Two versions of a record side by side: what differs between the guardian's correction and the server's
 * version after a 409, in the order of the wizard's pages and in the wizard's words.
 */
import { draftRecordOf } from '@/domain/record'
import { ALL_FIELDS, answerText, labelOfPath } from '@/record/paths'
import { ANSWER_TEXT } from '@/record/strings'

/** Leaf paths of a record (arrays are one answer); consent and the schema version are not answers. */
function leaves(node: unknown, prefix: string, out: Map<string, string>) {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) leaves(value, prefix ? `${prefix}.${key}` : key, out)
  } else if (prefix) {
    out.set(prefix, JSON.stringify(node))
  }
}

export interface Difference {
  path: string
  label: string
  mine: string
  theirs: string
}

/** Every answer that differs between our record and the server's, in the order of the wizard's pages. */
export function differences(mine: unknown, theirs: unknown): Difference[] {
  const a = draftRecordOf((mine ?? {}) as never)
  const b = draftRecordOf((theirs ?? {}) as never)
  const left = new Map<string, string>()
  const right = new Map<string, string>()
  leaves(a, '', left)
  leaves(b, '', right)
  const paths = [...new Set([...left.keys(), ...right.keys()])].filter((p) => left.get(p) !== right.get(p))
  const order = (p: string) => {
    const at = ALL_FIELDS.findIndex((s) => s.path === p)
    return at < 0 ? ALL_FIELDS.length : at
  }
  paths.sort((x, y) => order(x) - order(y))
  const text = (path: string, record: typeof a) => answerText(path, record) ?? ANSWER_TEXT.empty
  return paths.map((path) => ({ path, label: labelOfPath(path, a), mine: text(path, a), theirs: text(path, b) }))
}

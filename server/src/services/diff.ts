/**
 * Field-level differences between two versions of a record, for the history: `child.name` 陈小明 → 陈晓明.
 * Objects are walked; arrays and scalars are compared whole (a multi-select is one field).
 */
import type { FieldChange } from '../../../src/domain/api'

export type { FieldChange }

function flatten(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
  } else if (value !== undefined) {
    out.set(prefix, value)
  }
}

export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const a = new Map<string, unknown>()
  const b = new Map<string, unknown>()
  flatten(before, '', a)
  flatten(after, '', b)
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort()
  const changes: FieldChange[] = []
  for (const path of paths) {
    const from = a.get(path)
    const to = b.get(path)
    if (JSON.stringify(from) === JSON.stringify(to)) continue
    const change: FieldChange = { path }
    if (a.has(path)) change.from = from
    if (b.has(path)) change.to = to
    changes.push(change)
  }
  return changes
}

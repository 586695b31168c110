/**
 * Record paths in words, and two versions of a record side by side: what a reviewer's `fields`, the
 * server's `issues` and a 409's two versions mean to a guardian. Pure code over the wizard's field list.
 */
import { STEPS } from '@/domain/schema'
import { draftRecordOf, getIn, type DraftRecord } from '@/store/record-ops'
import { displayValue } from '../wizard/review-format'
import { REVIEW_TEXT } from '../strings'
import { isAnswer, STEP_FIELDS, type FieldSpec } from './form-spec'

const ALL_SPECS: readonly FieldSpec[] = Object.values(STEP_FIELDS).flat()

/** The field for a path; with a record, the one that applies to it (a parent's `since` depends on the situation). */
export function specFor(path: string, record?: DraftRecord): FieldSpec | undefined {
  const candidates = ALL_SPECS.filter((s) => s.path === path && s.kind !== 'contactCopy')
  return (record && candidates.find((s) => !s.when || s.when(record))) || candidates[0]
}

/** 儿童身份证号码, 母亲务工地点, 委托照护人, 第1步 儿童信息 … (the path itself when nothing matches). */
export function labelOfPath(path: string, record?: DraftRecord): string {
  const step = STEPS.find((s) => s.key === path)
  if (step) return step.title
  return specFor(path, record)?.label || path
}

/** The value at a path as the review page shows it. */
export function valueText(path: string, record: DraftRecord): string {
  const spec = specFor(path, record)
  const value = getIn(record, path)
  if (spec && isAnswer(spec)) return displayValue(spec, record) ?? REVIEW_TEXT.empty
  if (value === undefined || value === null || value === '') return REVIEW_TEXT.empty
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

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
    const at = ALL_SPECS.findIndex((s) => s.path === p)
    return at < 0 ? ALL_SPECS.length : at
  }
  paths.sort((x, y) => order(x) - order(y))
  return paths.map((path) => ({ path, label: labelOfPath(path, a), mine: valueText(path, a), theirs: valueText(path, b) }))
}

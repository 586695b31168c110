/**
 * Names of record paths for people: 'parents.mother.workPlace' → 母亲务工地点. The same labels the guardian
 * saw in the wizard (register/logic/form-spec), so a returned field reads the same on both sides.
 */
import { STEPS } from '@/domain/schema'
import { STEP_FIELDS, type FieldSpec } from '@/register/logic/form-spec'
import { displayValue } from '@/register/wizard/review-format'
import { setIn, type DraftRecord } from '@/store/record-ops'

const ALL: FieldSpec[] = Object.values(STEP_FIELDS).flat().filter((s) => s.kind !== 'contactCopy')

/**
 * The label of a path; with the record, the spec that applies to it (a parent's `since` is 外出务工时间 for
 * one situation and 服刑开始日期 for another). A path without a spec takes its nearest ancestor's name.
 */
export function fieldLabel(path: string, record?: DraftRecord): string {
  const step = STEPS.find((s) => s.key === path)
  if (step) return step.title
  const specs = ALL.filter((s) => s.path === path)
  const applies = record ? specs.find((s) => !s.when || s.when(record)) : undefined
  const spec = applies ?? specs[0]
  if (spec) return spec.label
  const cut = path.lastIndexOf('.')
  return cut > 0 ? fieldLabel(path.slice(0, cut), record) : path
}

export const fieldLabels = (paths: readonly string[], record?: DraftRecord) =>
  paths.map((p) => fieldLabel(p, record)).join('、')

/** A value of that path in words (codes as labels, 是/否, dates), as the record view shows it. */
export function valueText(path: string, value: unknown, record?: DraftRecord): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const specs = ALL.filter((s) => s.path === path && s.kind !== 'section')
  const spec = (record ? specs.find((s) => !s.when || s.when(record)) : undefined) ?? specs[0]
  if (!spec) return Array.isArray(value) ? value.join('、') : String(value)
  return displayValue(spec, setIn(record ?? {}, path, value) as DraftRecord) ?? String(value)
}

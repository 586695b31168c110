/**
 * Record paths in words: 'parents.mother.workPlace' → 母亲务工地点. What a reviewer's `fields`, the
 * server's `issues`, a 409's two versions and a resubmission's changes mean to a person, with the labels
 * the guardian saw in the wizard, so a field reads the same on both sides. Pure code over the form's
 * field list.
 */
import { getIn, setIn, type RecordAnswers } from '@/domain/record'
import { STEPS } from '@/domain/schema'
import { isAnswer, STEP_FIELDS, type FieldSpec } from './form-spec'
import { displayValue } from './review-format'

/** Every field of the form, in the order of the wizard's pages (the contact-copy buttons are no field). */
export const ALL_FIELDS: readonly FieldSpec[] = Object.values(STEP_FIELDS)
  .flat()
  .filter((s) => s.kind !== 'contactCopy')
const ANSWER_FIELDS = ALL_FIELDS.filter(isAnswer)

/**
 * The field for a path; with a record, the one that applies to it (a parent's `since` is 外出务工时间 for
 * one situation and 服刑开始日期 for another).
 */
export function specFor(path: string, record?: RecordAnswers, specs: readonly FieldSpec[] = ALL_FIELDS): FieldSpec | undefined {
  const candidates = specs.filter((s) => s.path === path)
  return (record && candidates.find((s) => !s.when || s.when(record))) || candidates[0]
}

const stepTitle = (path: string) => STEPS.find((s) => s.key === path)?.title

/** 儿童身份证号码, 母亲务工地点, 委托照护人, 儿童信息 … (the path itself when nothing matches). */
export function labelOfPath(path: string, record?: RecordAnswers): string {
  return stepTitle(path) ?? (specFor(path, record)?.label || path)
}

/** labelOfPath, but a path without a field of its own takes its nearest ancestor's name. */
export function nearestLabel(path: string, record?: RecordAnswers): string {
  const known = stepTitle(path) ?? specFor(path, record)?.label
  if (known !== undefined) return known
  const cut = path.lastIndexOf('.')
  return cut > 0 ? nearestLabel(path.slice(0, cut), record) : path
}

export const nearestLabels = (paths: readonly string[], record?: RecordAnswers) => paths.map((p) => nearestLabel(p, record)).join('、')

/** The answer at a path of `record` as the review page shows it; undefined when nothing is filled in. */
export function answerText(path: string, record: RecordAnswers): string | undefined {
  const spec = specFor(path, record)
  if (spec && isAnswer(spec)) return displayValue(spec, record)
  const value = getIn(record, path)
  if (value === undefined || value === null || value === '') return undefined
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** A value for a path in words (codes as labels, 是/否, dates), e.g. one side of a change in the history. */
export function valueText(path: string, value: unknown, record?: RecordAnswers): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const spec = specFor(path, record, ANSWER_FIELDS)
  if (!spec) return Array.isArray(value) ? value.join('、') : String(value)
  return displayValue(spec, setIn(record ?? {}, path, value) as RecordAnswers) ?? String(value)
}

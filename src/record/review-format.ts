/**
 * How each answer reads, on the guardian's review page and in the workers' record view: labels for codes,
 * 是/否, dates and addresses in words.
 */
import { DATE_TEXT } from '@/components/strings'
import { getIn, type RecordAnswers } from '@/domain/record'
import { regionLabel } from '@/features/region-picker/region-data'
import type { FieldSpec } from './form-spec'
import { ANSWER_TEXT } from './strings'

export function displayValue(spec: FieldSpec, record: RecordAnswers): string | undefined {
  const value = getIn(record, spec.path)
  if (value === undefined || value === null || value === '') return undefined
  const options = spec.options ?? spec.optionsFor?.(record)
  switch (spec.kind) {
    case 'yesno':
      return value ? ANSWER_TEXT.yes : ANSWER_TEXT.no
    case 'multi':
      return ANSWER_TEXT.list((value as string[]).map((v) => options?.find((o) => o.value === v)?.label ?? v))
    case 'date':
    case 'month':
    case 'birthDate':
      return DATE_TEXT.full(value as string)
    case 'region':
      return regionLabel(value as string)
    case 'choice':
    case 'compactChoice':
    case 'select':
      return options?.find((o) => o.value === value)?.label ?? String(value)
    default:
      return String(value)
  }
}

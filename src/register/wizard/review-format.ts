/** How each answer reads on the review page: labels for codes, 是/否, dates and addresses in words. */
import { DATE_TEXT } from '@/components/strings'
import { regionLabel } from '@/components/region-picker/region-data'
import { getIn, type DraftRecord } from '@/store/record-ops'
import type { FieldSpec } from '../logic/form-spec'
import { REVIEW_TEXT } from '../strings'

export function displayValue(spec: FieldSpec, record: DraftRecord): string | undefined {
  const value = getIn(record, spec.path)
  if (value === undefined || value === null || value === '') return undefined
  const options = spec.options ?? spec.optionsFor?.(record)
  switch (spec.kind) {
    case 'yesno':
      return value ? REVIEW_TEXT.yes : REVIEW_TEXT.no
    case 'multi':
      return REVIEW_TEXT.list((value as string[]).map((v) => options?.find((o) => o.value === v)?.label ?? v))
    case 'date':
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

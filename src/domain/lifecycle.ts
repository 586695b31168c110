/**
 * After the county has confirmed a child: the reasons a record is ended (终止/减员) and the month support
 * stops. The policy behind each rule, with its source: docs/lifecycle.md. Pure: no I/O.
 */
import * as z from 'zod/mini'
import { choice, note } from './fields'
import { codesOf } from './codes'
import type { IsoDate } from './dates'

/** Why a record is ended: the cases 民发〔2019〕62号 and the 2016 registration rules name, and 其他 in words. */
export const TERMINATION_REASONS = [
  { code: 'age', label: '年满16/18周岁' },
  { code: 'guardianship_restored', label: '父母返回/监护恢复' },
  { code: 'moved_out', label: '迁出本辖区' },
  { code: 'death', label: '死亡' },
  { code: 'other', label: '其他' },
] as const
export type TerminationReason = (typeof TERMINATION_REASONS)[number]['code']

export const terminationSchema = z
  .strictObject({
    reason: choice(codesOf(TERMINATION_REASONS), '终止原因'),
    /** Required with 其他: what happened, in words. */
    note: note('情况说明', 200),
  })
  .check(
    z.superRefine((t, ctx) => {
      if (t.reason === 'other' && (t.note ?? '').trim().length < 2) {
        ctx.addIssue({ code: 'custom', path: ['note'], message: '选择“其他”时请写明情况（至少2个字）', input: t })
      }
    }),
  )
export type Termination = z.infer<typeof terminationSchema>

export function terminationReasonLabel(code: string): string {
  return TERMINATION_REASONS.find((r) => r.code === code)?.label ?? code
}

/** 'YYYY-MM': support stops from the month after the county's decision (民发〔2019〕62号, “次月起停发”). */
export function supportStopsFrom(decidedOn: IsoDate): string {
  const [y, m] = decidedOn.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

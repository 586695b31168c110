/**
 * After the county has confirmed a child: the reasons a record is ended (终止/减员) and the month support
 * stops. The policy behind each rule, with its source: docs/lifecycle.md. Pure: no I/O.
 */
import * as z from 'zod/mini'
import { choice, note } from './fields'
import { codesOf } from './codes'
import { addMonths, ageOn, type IsoDate } from './dates'
import {
  CATEGORIES,
  categoryLabel,
  checkSituation,
  classify,
  type Category,
  type ClassifyContext,
  type PartialRegistration,
} from './eligibility'

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

/** What the daily re-check found: the confirmed categories that no longer hold today, and why, in words. */
export interface Recheck {
  lost: Category[]
  reasons: string[]
}

/**
 * The daily re-check of a confirmed record (docs/lifecycle.md, "The daily re-check"): `classify` on today's
 * date against the categories stored when the record was registered. A left-behind child turns 16; any child
 * turns 18; a parent's prison term, rehabilitation or other restriction ends. Nothing here ends a record: the
 * result goes on the village worker's 待复核 list.
 */
export function recheck(record: PartialRegistration, stored: readonly Category[], today: IsoDate, context: ClassifyContext = {}): Recheck {
  const now = classify(record, today, context)
  const holds = new Set(now.findings.map((f) => f.category))
  const lost = CATEGORIES.map((c) => c.code).filter((c) => stored.includes(c) && !holds.has(c))
  if (lost.length === 0) return { lost, reasons: [] }
  const reasons: string[] = []
  const birth = record.child?.birthDate
  const age = birth ? ageOn(birth, today) : undefined
  if (birth && age !== undefined && age >= 18) reasons.push(`${addMonths(birth, 18 * 12)}年满18周岁`)
  else if (birth && age !== undefined && age >= 16 && lost.includes('left_behind'))
    reasons.push(`${addMonths(birth, 16 * 12)}年满16周岁，不再属于农村留守儿童`)
  // A term that ended (服刑在押, 强制隔离戒毒, other restrictions): classify's own words say which and when.
  reasons.push(...parentFacts(record, today))
  if (reasons.length === 0) reasons.push(`按今天的规则不再符合：${lost.map(categoryLabel).join('、')}`)
  return { lost, reasons }
}

/** The parents' terms that have ended by today, as classify words them (“父亲服刑在押已于2026-12-01结束”). */
function parentFacts(record: PartialRegistration, today: IsoDate): string[] {
  return (['father', 'mother'] as const)
    .map((role) => checkSituation(role, record.parents?.[role], today))
    .filter((c): c is NonNullable<typeof c> => !!c && c.fact.includes('已于') && c.fact.endsWith('结束'))
    .map((c) => c.fact)
}

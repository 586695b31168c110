/**
 * Monthly home visits (docs/lifecycle.md, "Monthly visits"): every record the county has confirmed and not
 * taken off (ACTIVE_STATUSES) is visited once per interval of calendar months in China time, by default every
 * month; the interval may be set per category (HUTONG_VISIT_INTERVALS). Pure: which month a record stands in
 * for a month asked about, given the months of its visits and the month it was confirmed.
 */
import { chinaToday, monthsBetween, type IsoDate } from './dates'
import { CATEGORIES, type Category } from './eligibility'

/** 'YYYY-MM', a calendar month in China. */
export type Month = string

/** Visit intervals in whole months, per category; a category not named is visited monthly. */
export type VisitIntervals = Partial<Record<Category, number>>

export const DEFAULT_INTERVAL = 1
/** Longer than a year is no longer a follow-up: refused when read from the configuration. */
export const MAX_INTERVAL = 12

/** Where a record stands for one month. `not_due`: visited recently enough, next visit in a later month. */
export const VISIT_STATES = [
  { code: 'overdue', label: '逾期未走访' },
  { code: 'due', label: '本月待走访' },
  { code: 'done', label: '本月已走访' },
  { code: 'not_due', label: '本月无需走访' },
] as const
export type VisitState = (typeof VISIT_STATES)[number]['code']

/** Short names a configuration line may use besides the codes: 留守=1,困境=1. */
const SHORT_NAMES: Record<string, Category> = {
  留守: 'left_behind',
  留守儿童: 'left_behind',
  农村留守儿童: 'left_behind',
  困境: 'difficulty',
  困境儿童: 'difficulty',
  事实无人抚养: 'de_facto_unsupported',
  事实无人抚养儿童: 'de_facto_unsupported',
  孤儿: 'orphan',
}

const categoryOf = (name: string): Category | undefined =>
  SHORT_NAMES[name] ?? CATEGORIES.find((c) => c.code === name || c.label === name)?.code

/**
 * Reads `留守=1,困境=2` (or the codes: `left_behind=1`). Empty: every category monthly. A wrong line is an
 * error with the reason, so that a server does not start with a policy nobody meant.
 */
export function parseVisitIntervals(text: string | undefined): { ok: true; value: VisitIntervals } | { ok: false; reason: string } {
  const value: VisitIntervals = {}
  for (const part of (text ?? '').split(/[,，]/)) {
    const item = part.trim()
    if (!item) continue
    const [name, months, extra] = item.split('=').map((s) => s.trim())
    const category = categoryOf(name ?? '')
    if (!category || months === undefined || extra !== undefined) return { ok: false, reason: `走访间隔“${item}”格式不对，应为“留守=1”` }
    const n = Number(months)
    if (!Number.isInteger(n) || n < 1 || n > MAX_INTERVAL)
      return { ok: false, reason: `走访间隔“${item}”应为1到${MAX_INTERVAL}之间的整月数` }
    value[category] = n
  }
  return { ok: true, value }
}

/** A child in several categories is visited as often as the most frequent of them asks. */
export function intervalFor(categories: readonly Category[], intervals: VisitIntervals): number {
  const own = categories.map((c) => intervals[c] ?? DEFAULT_INTERVAL)
  return own.length ? Math.min(...own) : DEFAULT_INTERVAL
}

export const monthOf = (date: IsoDate): Month => date.slice(0, 7)

/** The month in China at an instant (a stored UTC time): 31 March 16:00 UTC is already April in China. */
export const chinaMonth = (at: Date): Month => monthOf(chinaToday(at))

const firstDay = (month: Month): IsoDate => `${month}-01`

/** The month `n` months after `month`. */
export function addMonthsTo(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number)
  const index = y * 12 + (m - 1) + n
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

export interface VisitFacts {
  /** The months of the record's visits (any order; visits before confirmation count too). */
  visitMonths: readonly Month[]
  /** The month the county confirmed the record: a record never visited is due from then. */
  confirmedMonth: Month
  /** From intervalFor. */
  interval: number
}

export interface VisitStanding {
  state: VisitState
  /** The month the next visit is (or was) due: this month, an earlier one (overdue), or a later one (not due). */
  dueMonth: Month
  /** The last visit before the month asked about, if any. */
  lastMonth?: Month
}

/**
 * Where a record stands in `month`. A visit in the month: done. Otherwise the visit is due `interval` months
 * after the last one (never before the month of confirmation: a visit during the review does not make a
 * new record late), and overdue once that month has passed without one.
 */
export function visitStanding(facts: VisitFacts, month: Month): VisitStanding {
  const before = facts.visitMonths.filter((m) => m < month).sort()
  const lastMonth = before[before.length - 1]
  const fromLast = lastMonth ? addMonthsTo(lastMonth, facts.interval) : facts.confirmedMonth
  const dueMonth = fromLast > facts.confirmedMonth ? fromLast : facts.confirmedMonth
  const base = lastMonth ? { dueMonth, lastMonth } : { dueMonth }
  if (facts.visitMonths.includes(month)) return { state: 'done', ...base }
  if (dueMonth > month) return { state: 'not_due', ...base }
  return { state: dueMonth === month ? 'due' : 'overdue', ...base }
}

/** How many months a visit is late in `month` (0 when it is not overdue). */
export function monthsLate(standing: VisitStanding, month: Month): number {
  return standing.state === 'overdue' ? monthsBetween(firstDay(standing.dueMonth), firstDay(month)) : 0
}

/** Whether `text` names a month ('YYYY-MM', 01–12). */
export const isMonth = (text: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(text)

/**
 * 动态更新 (docs/lifecycle.md, "Quarterly updates"): once a quarter the guardian of a confirmed child says that
 * nothing has changed, or sends the record as it is now. Quarters are calendar quarters of the date in China
 * (UTC+8): 2026Q4 runs from 2026-10-01 to 2026-12-31. Pure: no I/O.
 */
import { chinaToday, type IsoDate } from './dates'

/** 'YYYY' + 'Q' + 1–4, e.g. '2026Q4'. */
export type Quarter = string

const QUARTER = /^(\d{4})Q([1-4])$/

export const QUARTERLY_ANSWERS = [
  { code: 'unchanged', label: '没有变化' },
  { code: 'changed', label: '有变化，已提交更新' },
] as const
export type QuarterlyAnswer = (typeof QUARTERLY_ANSWERS)[number]['code']

/** The quarter a day belongs to. */
export function quarterOf(day: IsoDate = chinaToday()): Quarter {
  const [y, m] = day.split('-').map(Number) as [number, number]
  return `${y}Q${Math.ceil(m / 3)}`
}

/** A quarter written as the API takes it, or undefined. */
export function parseQuarter(value: string | undefined): Quarter | undefined {
  return value && QUARTER.test(value) && Number(value.slice(0, 4)) >= 2000 ? value : undefined
}

/** The first and last day of a quarter. */
export function quarterBounds(quarter: Quarter): { first: IsoDate; last: IsoDate } {
  const [, y, q] = QUARTER.exec(quarter)!
  const firstMonth = (Number(q) - 1) * 3 + 1
  const lastMonth = firstMonth + 2
  const lastDay = lastMonth === 3 || lastMonth === 12 ? 31 : 30
  const pad = (n: number) => String(n).padStart(2, '0')
  return { first: `${y}-${pad(firstMonth)}-01`, last: `${y}-${pad(lastMonth)}-${lastDay}` }
}

const NUMERALS = ['一', '二', '三', '四']

/** 2026年第四季度 */
export function quarterLabel(quarter: Quarter): string {
  const [, y, q] = QUARTER.exec(quarter)!
  return `${y}年第${NUMERALS[Number(q) - 1]}季度`
}

/** Quarters compare as strings: '2026Q4' < '2027Q1'. */
export function isLaterQuarter(a: Quarter, b: Quarter): boolean {
  return a > b
}

/**
 * Calendar dates as 'YYYY-MM-DD' strings. The rules of the domain are about days in China, so "today" is
 * the date in UTC+8 whatever time zone the phone or the server runs in.
 */
export type IsoDate = string

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

/** Today's date in China (UTC+8). */
export function chinaToday(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
}

/** Whether y-m-d is a real calendar date (29 February only in leap years). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false
  if (month < 1 || month > 12 || day < 1) return false
  return day <= daysInMonth(year, month)
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** 'YYYY-MM-DD' that names a real date. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))
}

const ISO_MONTH = /^(\d{4})-(\d{2})$/

/** 'YYYY-MM': a month, for what people know only to the month (when a parent left for work). */
export function isIsoMonth(value: string): boolean {
  const m = ISO_MONTH.exec(value)
  return !!m && Number(m[1]) >= 1 && Number(m[2]) >= 1 && Number(m[2]) <= 12
}

/** A month or a day ('YYYY-MM' or 'YYYY-MM-DD'): the rules read a month as its first day. */
export function startDay(value: string): IsoDate {
  return isIsoMonth(value) ? `${value}-01` : value
}

/** Completed years between a birth date and a day (a birthday counts on the day itself). */
export function ageOn(birthDate: IsoDate, day: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number)
  const [ty, tm, td] = day.split('-').map(Number)
  let age = ty - by
  if (tm < bm || (tm === bm && td < bd)) age -= 1
  return age
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/**
 * The day `months` calendar months after `date`, clamped to the month's last day (31 January + 1 month is
 * 28 or 29 February), as a calendar library would. Plain arithmetic, so the main package, which reads
 * dates in words, carries no date library.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(d, daysInMonth(year, month)), 2)}`
}

/**
 * Whole calendar months from `from` to `to` (negative when `to` is earlier), counted as `addMonths` steps:
 * 31 January → 28 February is one month, 15 March → 14 May is one (as a calendar library counts them).
 */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  if (to < from) {
    const back = monthsBetween(to, from)
    return back === 0 ? 0 : -back // not -0
  }
  const [fy, fm] = from.split('-').map(Number)
  const [ty, tm] = to.split('-').map(Number)
  const months = (ty - fy) * 12 + (tm - fm)
  return addMonths(from, months) > to ? months - 1 : months
}

/** 2027年1月, for a 'YYYY-MM'. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

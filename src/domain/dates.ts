/**
 * Calendar dates as 'YYYY-MM-DD' strings. The rules of the domain are about days in China, so "today" is
 * the date in UTC+8 whatever time zone the phone or the server runs in.
 */
import dayjs from 'dayjs'

export type IsoDate = string

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

/** Today's date in China (UTC+8). */
export function chinaToday(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Whether y-m-d is a real calendar date (29 February only in leap years). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false
  if (month < 1 || month > 12 || day < 1) return false
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return day <= days[month - 1]
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

/** The day `months` calendar months after `date` (end-of-month clamped, as dayjs does). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return dayjs(date).add(months, 'month').format('YYYY-MM-DD')
}

/** Whole calendar months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  return dayjs(to).diff(dayjs(from), 'month')
}

/** 2027年1月, for a 'YYYY-MM'. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

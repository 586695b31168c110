/**
 * Month arithmetic without a date library (the main package reads dates and must not carry one): the same
 * days as dayjs, which the app used before, on the cases that differ between naive methods — the end of a
 * month, 29 February, year boundaries, going back.
 */
import dayjs from 'dayjs'
import { addMonths, isIsoMonth, monthLabel, monthsBetween, startDay } from '@/domain/dates'

const dayjsAdd = (date: string, months: number) => dayjs(date).add(months, 'month').format('YYYY-MM-DD')

test('addMonths clamps to the end of the month, as dayjs does', () => {
  expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
  expect(addMonths('2023-01-31', 1)).toBe('2023-02-28')
  expect(addMonths('2016-02-29', 12 * 18)).toBe('2034-02-28')
  expect(addMonths('2025-11-15', 3)).toBe('2026-02-15')
  expect(addMonths('2025-03-31', -1)).toBe('2025-02-28')
  expect(addMonths('2025-01-10', -13)).toBe('2023-12-10')
})

test('addMonths agrees with dayjs on every day of four years, several offsets', () => {
  const offsets = [-25, -13, -1, 0, 1, 6, 11, 12, 18 * 12, 16 * 12]
  for (let day = dayjs('2023-01-01'); day.isBefore('2027-01-01'); day = day.add(1, 'day')) {
    const date = day.format('YYYY-MM-DD')
    for (const n of offsets) expect([date, n, addMonths(date, n)]).toEqual([date, n, dayjsAdd(date, n)])
  }
})

test('monthsBetween counts whole months as dayjs does (a visit months late), forwards and back', () => {
  expect(monthsBetween('2026-01-01', '2026-04-01')).toBe(3)
  expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(1)
  expect(monthsBetween('2026-03-15', '2026-05-14')).toBe(1)
  const ends = ['2024-01-31', '2024-02-29', '2025-03-15', '2026-12-01', '2023-08-31']
  for (let day = dayjs('2023-01-01'); day.isBefore('2027-01-01'); day = day.add(3, 'day')) {
    const to = day.format('YYYY-MM-DD')
    for (const from of ends) expect([from, to, monthsBetween(from, to)]).toEqual([from, to, day.diff(dayjs(from), 'month')])
  }
})

test('months: YYYY-MM read as its first day, shown in words', () => {
  expect(isIsoMonth('2026-07')).toBe(true)
  expect(isIsoMonth('2026-13')).toBe(false)
  expect(startDay('2026-07')).toBe('2026-07-01')
  expect(startDay('2026-07-09')).toBe('2026-07-09')
  expect(monthLabel('2027-01')).toBe('2027年1月')
})

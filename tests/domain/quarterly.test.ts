/**
 * 动态更新's calendar (docs/lifecycle.md, "Quarterly updates"): quarters of the date in China, their first and last
 * days, the way the API writes them.
 */
import { chinaToday } from '@/domain/dates'
import { isLaterQuarter, parseQuarter, quarterBounds, quarterLabel, quarterOf } from '@/domain/quarterly'

describe('quarters', () => {
  test.each([
    ['2026-01-01', '2026Q1'],
    ['2026-03-31', '2026Q1'],
    ['2026-04-01', '2026Q2'],
    ['2026-06-30', '2026Q2'],
    ['2026-07-01', '2026Q3'],
    ['2026-09-30', '2026Q3'],
    ['2026-10-01', '2026Q4'],
    ['2026-12-31', '2026Q4'],
    ['2027-01-01', '2027Q1'],
  ])('%s is in %s', (day, quarter) => {
    expect(quarterOf(day)).toBe(quarter)
  })

  test("a quarter's last day and the next one's first day, in China time", () => {
    // 2026-12-31 15:59:59 UTC is 23:59:59 on the 31st in China; one second later it is 2027-01-01 there.
    expect(quarterOf(chinaToday(new Date('2026-12-31T15:59:59Z')))).toBe('2026Q4')
    expect(quarterOf(chinaToday(new Date('2026-12-31T16:00:00Z')))).toBe('2027Q1')
    expect(quarterOf(chinaToday(new Date('2026-09-30T16:00:00Z')))).toBe('2026Q4')
  })

  test.each([
    ['2026Q1', '2026-01-01', '2026-03-31'],
    ['2026Q2', '2026-04-01', '2026-06-30'],
    ['2026Q3', '2026-07-01', '2026-09-30'],
    ['2026Q4', '2026-10-01', '2026-12-31'],
  ])('%s runs from %s to %s', (quarter, first, last) => {
    expect(quarterBounds(quarter)).toEqual({ first, last })
    expect(quarterOf(first)).toBe(quarter)
    expect(quarterOf(last)).toBe(quarter)
  })

  test('written as 2026Q4, nothing else', () => {
    expect(parseQuarter('2026Q4')).toBe('2026Q4')
    for (const bad of ['2026Q5', '2026Q0', '2026q4', '2026-Q4', ' 2026Q4', '1999Q1', '', undefined])
      expect(parseQuarter(bad)).toBeUndefined()
  })

  test('labels and order', () => {
    expect(quarterLabel('2026Q4')).toBe('2026年第四季度')
    expect(quarterLabel('2027Q1')).toBe('2027年第一季度')
    expect(isLaterQuarter('2027Q1', '2026Q4')).toBe(true)
    expect(isLaterQuarter('2026Q4', '2026Q4')).toBe(false)
  })
})

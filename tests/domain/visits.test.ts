/**
 * Monthly home visits (src/domain/visits.ts) on fixed dates: the first and last day of a month in China
 * time, a record never visited, a visit missed, a category visited every two months, the configuration line.
 */
import { addMonthsTo, chinaMonth, intervalFor, monthsLate, parseVisitIntervals, visitStanding } from '@/domain/visits'
import { isChineseMessage } from './helpers'

describe('the month of a visit, in China time', () => {
  test('the last day of a month, late in the evening in China, is still that month', () => {
    expect(chinaMonth(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03')
  })
  test('the first day of a month begins at 16:00 UTC the day before', () => {
    expect(chinaMonth(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04')
    expect(chinaMonth(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01')
  })
  test('months add across a year end', () => {
    expect(addMonthsTo('2026-12', 1)).toBe('2027-01')
    expect(addMonthsTo('2026-11', 2)).toBe('2027-01')
    expect(addMonthsTo('2027-01', -1)).toBe('2026-12')
  })
})

describe('monthly (the default)', () => {
  const monthly = { confirmedMonth: '2026-03', interval: 1 }
  test('a record confirmed this month and never visited is due, not overdue', () => {
    expect(visitStanding({ ...monthly, visitMonths: [] }, '2026-03')).toEqual({ state: 'due', dueMonth: '2026-03' })
  })
  test('never visited after the month of confirmation: overdue, and by how much', () => {
    const s = visitStanding({ ...monthly, visitMonths: [] }, '2026-05')
    expect(s).toEqual({ state: 'overdue', dueMonth: '2026-03' })
    expect(monthsLate(s, '2026-05')).toBe(2)
  })
  test('a visit on the last day of March is March’s; April is due again on its first day', () => {
    const facts = { ...monthly, visitMonths: ['2026-03'] }
    expect(visitStanding(facts, '2026-03').state).toBe('done')
    expect(visitStanding(facts, '2026-04')).toEqual({ state: 'due', dueMonth: '2026-04', lastMonth: '2026-03' })
    expect(visitStanding(facts, '2026-05')).toEqual({ state: 'overdue', dueMonth: '2026-04', lastMonth: '2026-03' })
  })
  test('a visit while the record was still in review does not make a new record late', () => {
    expect(visitStanding({ ...monthly, visitMonths: ['2025-12'] }, '2026-03')).toEqual({
      state: 'due',
      dueMonth: '2026-03',
      lastMonth: '2025-12',
    })
  })
  test('a later visit does not count for an earlier month', () => {
    expect(visitStanding({ ...monthly, visitMonths: ['2026-06'] }, '2026-04').state).toBe('overdue')
  })
})

describe('a category visited every two months', () => {
  const intervals = { difficulty: 2 }
  test('its interval, and the most frequent one for a child in two categories', () => {
    expect(intervalFor(['difficulty'], intervals)).toBe(2)
    expect(intervalFor(['difficulty', 'left_behind'], intervals)).toBe(1)
    expect(intervalFor([], intervals)).toBe(1)
  })
  test('visited in January: nothing due in February, due in March, overdue in April', () => {
    const facts = { confirmedMonth: '2026-01', interval: 2, visitMonths: ['2026-01'] }
    expect(visitStanding(facts, '2026-02')).toEqual({ state: 'not_due', dueMonth: '2026-03', lastMonth: '2026-01' })
    expect(visitStanding(facts, '2026-03').state).toBe('due')
    expect(visitStanding(facts, '2026-04').state).toBe('overdue')
    expect(visitStanding({ ...facts, visitMonths: ['2026-01', '2026-02'] }, '2026-02').state).toBe('done')
  })
})

describe('HUTONG_VISIT_INTERVALS', () => {
  test('short names, labels and codes; empty is monthly for every category', () => {
    expect(parseVisitIntervals('留守=1，困境=2')).toEqual({ ok: true, value: { left_behind: 1, difficulty: 2 } })
    expect(parseVisitIntervals('orphan=3, 事实无人抚养儿童=2')).toEqual({ ok: true, value: { orphan: 3, de_facto_unsupported: 2 } })
    expect(parseVisitIntervals(undefined)).toEqual({ ok: true, value: {} })
    expect(parseVisitIntervals(' ')).toEqual({ ok: true, value: {} })
  })
  test.each(['留守', '留守=0', '留守=1.5', '留守=13', '学生=1', '留守=1=2'])('%s is refused with the reason in Chinese', (text) => {
    const r = parseVisitIntervals(text)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(isChineseMessage(r.reason)).toBe(true)
  })
})

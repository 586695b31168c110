/**
 * 终止/减员 (src/domain/lifecycle.ts and the review body): the reason list, 其他 with words, the proposal's
 * body, the month support stops (the month after the county's decision, across a year's end), and the daily
 * re-check on fixed dates (the day before and the day of a 16th and an 18th birthday; a prison term's end).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { TERMINATION_REASONS, recheck, supportStopsFrom, terminationReasonLabel } from '@/domain/lifecycle'
import { addMonths, monthLabel } from '@/domain/dates'
import { classify } from '@/domain/eligibility'
import { validateReview } from '@/domain/review'
import { isChineseMessage } from './helpers'

const issues = (input: unknown) => {
  const r = validateReview(input)
  return r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

test('the reason list: 年满16/18周岁, 父母返回/监护恢复, 迁出本辖区, 死亡, 其他', () => {
  expect(TERMINATION_REASONS.map((r) => r.label)).toEqual(['年满16/18周岁', '父母返回/监护恢复', '迁出本辖区', '死亡', '其他'])
  expect(terminationReasonLabel('moved_out')).toBe('迁出本辖区')
})

test('a proposal needs a reason from the list; 其他 needs words; no other action carries one', () => {
  expect(issues({ action: 'propose_termination' })).toEqual(['termination: 请选择终止原因'])
  expect(issues({ action: 'propose_termination', termination: {} })).toEqual(['termination.reason: 请选择终止原因'])
  expect(issues({ action: 'propose_termination', termination: { reason: 'bored' } })).toHaveLength(1)
  expect(issues({ action: 'propose_termination', termination: { reason: 'age' } })).toEqual([])
  expect(issues({ action: 'propose_termination', termination: { reason: 'other' } })).toEqual([
    'termination.note: 选择“其他”时请写明情况（至少2个字）',
  ])
  expect(issues({ action: 'propose_termination', termination: { reason: 'other', note: '被亲属收养' } })).toEqual([])
  expect(issues({ action: 'propose_termination', termination: { reason: 'age', extra: 1 } })).toHaveLength(1)
  expect(issues({ action: 'agree_termination', termination: { reason: 'age' } })).toEqual(['termination: 只有提请终止时才需要终止原因'])
  const bad = validateReview({ action: 'propose_termination', termination: { reason: 'bored' } })
  if (!bad.ok) for (const i of bad.issues) expect(isChineseMessage(i.message)).toBe(true)
  expect(bad.ok).toBe(false)
})

test('a returned proposal needs a reason; agreeing and deciding need none', () => {
  expect(issues({ action: 'return_termination' })).toEqual(['reason: 退回终止申请时请写明原因（至少2个字）'])
  expect(issues({ action: 'return_termination', reason: '孩子仍由祖母照料' })).toEqual([])
  expect(issues({ action: 'agree_termination' })).toEqual([])
  expect(issues({ action: 'terminate' })).toEqual([])
})

test('support stops from the month after the decision, across a year end', () => {
  expect(supportStopsFrom('2026-11-30')).toBe('2026-12')
  expect(supportStopsFrom('2026-12-01')).toBe('2027-01')
  expect(supportStopsFrom('2026-12-31')).toBe('2027-01')
  expect(supportStopsFrom('2027-01-01')).toBe('2027-02')
  expect(monthLabel('2027-01')).toBe('2027年1月')
})

describe('the daily re-check on fixed dates', () => {
  const load = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'registrations', `${name}.json`), 'utf8'))
  const registeredOn = '2026-12-01'
  const storedOf = (record: unknown) => classify(record as never, registeredOn).findings.map((f) => f.category)

  test('a left-behind child: nothing the day before the 16th birthday; on the day, 待复核 with the reason', () => {
    const record = load('left-behind') // born 2015-03-08
    const stored = storedOf(record)
    expect(stored).toContain('left_behind')
    expect(recheck(record, stored, '2031-03-07')).toEqual({ lost: [], reasons: [] })
    const due = recheck(record, stored, '2031-03-08')
    expect(due.lost).toEqual(['left_behind'])
    expect(due.reasons).toEqual(['2031-03-08年满16周岁，不再属于农村留守儿童'])
  })

  test('any category ends at 18: the day before and the day of the 18th birthday', () => {
    const record = load('orphan')
    const stored = storedOf(record)
    expect(stored.length).toBeGreaterThan(0)
    const birthday18 = addMonths(record.child.birthDate, 18 * 12)
    expect(recheck(record, stored, addDays(birthday18, -1)).lost).toEqual([])
    const due = recheck(record, stored, birthday18)
    expect([...due.lost].sort()).toEqual([...stored].sort())
    expect(due.reasons[0]).toBe(`${birthday18}年满18周岁`)
  })

  test('a prison term that ended: still held on its last day, lost the day after, with the parent and the date', () => {
    const record = load('de-facto-unsupported') // father imprisoned until 2030-04-30
    const stored = storedOf(record)
    expect(stored).toContain('de_facto_unsupported')
    expect(recheck(record, stored, '2030-04-30').lost).toEqual([])
    const due = recheck(record, stored, '2030-05-01')
    expect(due.lost).toContain('de_facto_unsupported')
    expect(due.reasons).toContain('父亲服刑在押已于2030-04-30结束')
  })

  test('a category that was never stored is never "lost"', () => {
    const record = load('left-behind')
    expect(recheck(record, [], '2031-03-08')).toEqual({ lost: [], reasons: [] })
  })
})

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

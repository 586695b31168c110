/**
 * 终止/减员 (src/domain/lifecycle.ts and the review body): the reason list, 其他 with words, the proposal's
 * body, and the month support stops (the month after the county's decision, across a year's end).
 */
import { TERMINATION_REASONS, supportStopsFrom, terminationReasonLabel } from '@/domain/lifecycle'
import { monthLabel } from '@/domain/dates'
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

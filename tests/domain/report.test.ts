/**
 * Reports of a child at risk (src/domain/report.ts): the code lists the issue names, the report's and the
 * action's schemas with their Chinese messages, the 24-hour first-contact clock and the receipt number.
 */
import {
  FIRST_CONTACT_HOURS,
  REPORT_ACTIONS,
  REPORT_CONCERNS,
  REPORTER_KINDS,
  contactClock,
  firstContactDue,
  receiptNumber,
  validateReport,
  validateReportAction,
} from '@/domain/report'
import { isChineseMessage } from './helpers'

const ID = '8f14e45f-ceea-467f-a0e6-2b7d2a8e1c3d'
const good = { id: ID, villageCode: '441422101200', concern: 'harm', seen: '孩子手臂上有很多淤青', reporter: 'school' }
const issues = (input: unknown) => {
  const r = validateReport(input)
  return r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}
const actionIssues = (input: unknown) => {
  const r = validateReportAction(input)
  return r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

test('the lists: what worries the reporter, who they are, what a worker records', () => {
  expect(REPORT_CONCERNS.map((c) => c.label)).toEqual(['无人照料', '疑似遭受侵害', '流浪乞讨', '辍学', '其他'])
  expect(REPORTER_KINDS.map((c) => c.label)).toEqual(['学校', '幼儿园', '医疗机构', '村(居)委会', '邻居/亲友', '其他'])
  expect(REPORT_ACTIONS.map((c) => c.label)).toEqual(['联系核实', '入户', '转介公安', '转介学校', '转介医疗', '纳入登记', '关闭'])
})

test('a good report passes, the phone optional and normalised; text is trimmed', () => {
  expect(issues(good)).toEqual([])
  const r = validateReport({ ...good, seen: '  孩子手臂上有很多淤青 ', phone: '+86 138 0013 8000' })
  expect(r.ok && r.value).toMatchObject({ seen: '孩子手臂上有很多淤青', phone: '13800138000' })
})

test('every missing or wrong part is named in Chinese beside its field', () => {
  expect(issues({ id: ID })).toEqual([
    'villageCode: 请选择孩子所在的村（社区）',
    'concern: 请选择担心的情况',
    'seen: 请填写看到的情况',
    'reporter: 请选择您的身份',
  ])
  expect(issues({ ...good, villageCode: '441422101000' })).toEqual(['villageCode: 请把孩子所在的村（社区）选到村（社区）一级'])
  expect(issues({ ...good, seen: '   ' })).toEqual(['seen: 请填写看到的情况'])
  expect(issues({ ...good, seen: '看'.repeat(1001) })).toEqual(['seen: 看到的情况不能超过1000个字'])
  expect(issues({ ...good, phone: '12345' })).toEqual(['phone: 联系电话应为11位手机号码，或带区号的固定电话'])
  expect(issues({ ...good, id: 'not-a-uuid' })).toEqual(['id: 报告编号格式不对'])
  expect(issues({ ...good, childName: '张三' })).toEqual([': 不接受的字段：childName'])
  const r = validateReport({})
  expect(r.ok).toBe(false)
  if (!r.ok) for (const i of r.issues) expect(isChineseMessage(i.message)).toBe(true)
})

test('actions: 关闭 needs words; only 纳入登记 carries a registration id', () => {
  expect(actionIssues({ action: 'home_visit' })).toEqual([])
  expect(actionIssues({ action: 'fly' })).toEqual(['action: 请选择处理方式'])
  expect(actionIssues({ action: 'close' })).toEqual(['note: 关闭时请写明处理结果（至少4个字）'])
  expect(actionIssues({ action: 'close', note: '已核实，父亲返乡' })).toEqual([])
  expect(actionIssues({ action: 'register', registrationId: ID })).toEqual([])
  expect(actionIssues({ action: 'contact', registrationId: ID })).toEqual(['registrationId: 只有纳入登记时才需要登记编号'])
  expect(actionIssues({ action: 'contact', note: '字'.repeat(501) })).toEqual(['note: 处理情况不能超过500个字'])
})

test('the 24-hour clock: due a day after the report; hours left, overdue past it, stopped by the first action', () => {
  const created = '2026-12-01T02:00:00.000Z'
  expect(FIRST_CONTACT_HOURS).toBe(24)
  expect(firstContactDue(created)).toBe('2026-12-02T02:00:00.000Z')
  const at = (iso: string) => Date.parse(iso)
  expect(contactClock(created, null, at('2026-12-01T02:30:00Z'))).toEqual({
    dueAt: '2026-12-02T02:00:00.000Z',
    overdue: false,
    hoursLeft: 23,
  })
  expect(contactClock(created, null, at('2026-12-02T01:59:00Z'))).toMatchObject({ overdue: false, hoursLeft: 0 })
  expect(contactClock(created, null, at('2026-12-02T02:01:00Z'))).toMatchObject({ overdue: true, hoursLeft: -1 })
  // Stopped: the first action's time decides, whatever the time is now.
  expect(contactClock(created, '2026-12-01T20:00:00.000Z', at('2026-12-05T00:00:00Z'))).toMatchObject({ overdue: false, hoursLeft: null })
  expect(contactClock(created, '2026-12-02T03:00:00.000Z', at('2026-12-05T00:00:00Z'))).toMatchObject({ overdue: true, hoursLeft: null })
})

test('the receipt number: the day in China and the id', () => {
  // 2026-12-01 20:00 UTC is already 12-02 in China.
  expect(receiptNumber(ID, '2026-12-01T20:00:00.000Z')).toBe('BG20261202-8F14E4')
})

/** The words of 本月待走访 and of the overview's visit completion (docs/worker-app.md, "Monthly visits"). */
import { monthLabel } from '@/domain/dates'

export const VISITS_TEXT = {
  title: '本月待走访',
  nav: '本月走访',
  intro: '县级确认后仍在保障的儿童，每月至少走访一次。在这里记录走访，没有信号时先保存在手机上，联网后自动发送。',
  month: (month: string) => `${monthLabel(month)}走访情况`,
  counts: (due: number, overdue: number, done: number) => `待走访${due}人，逾期${overdue}人，已走访${done}人`,
  notDue: (n: number) => `另有${n}人按走访周期本月不需要走访。`,
  sections: { overdue: '逾期未走访', due: '本月待走访', done: '本月已走访' } as Record<string, string>,
  noneIn: { overdue: '没有逾期未走访的儿童。', due: '本月待走访的都已走访。', done: '本月还没有走访记录。' } as Record<string, string>,
  empty: '本村(居)还没有县级确认的儿童，暂无走访任务。',
  loading: '正在加载…',
  record: '记录走访',
  open: '查看登记',
  dueIn: (month: string) => `应于${monthLabel(month)}走访`,
  late: (months: number) => `已逾期${months}个月`,
  last: (month: string) => `上次走访：${monthLabel(month)}`,
  never: '还没有走访记录',
  doneOn: (date: string, method: string) => `已走访：${date}　${method}`,
  waiting: '已记录，等待发送',
  onlyVillage: '本月待走访名单只给村(居)儿童主任。',
} as const

export const COMPLETION_TEXT = {
  title: (month: string) => `${monthLabel(month)}走访完成情况`,
  summary: (done: number, due: number) => `应走访${due}人，已走访${done}人`,
  village: '村(居)',
  due: '应走访',
  done: '已走访',
  rate: '完成率',
  none: '本月没有需要走访的儿童。',
  percent: (done: number, due: number) => (due === 0 ? '—' : `${Math.round((done / due) * 100)}%`),
} as const

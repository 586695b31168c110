/**
 * 强制报告/发现报告 (docs/lifecycle.md, "Reports of a child at risk"): what anyone signed in may send about a
 * child who may be unsafe, what a worker records on it, and the 24-hour first-contact clock. The same schema
 * checks the form on the phone and the body on the server. Pure: no I/O.
 */
import * as z from 'zod/mini'
import { codesOf, labelOf } from './codes'
import { choice, phone, text, villageCode } from './fields'
import type { Issue } from './schema'

/** What the reporter is worried about. */
export const REPORT_CONCERNS = [
  { code: 'unattended', label: '无人照料' },
  { code: 'harm', label: '疑似遭受侵害' },
  { code: 'wandering', label: '流浪乞讨' },
  { code: 'dropout', label: '辍学' },
  { code: 'other', label: '其他' },
] as const

/** Who is reporting: the first four are bound to report by law (强制报告), the others may. */
export const REPORTER_KINDS = [
  { code: 'school', label: '学校' },
  { code: 'kindergarten', label: '幼儿园' },
  { code: 'medical', label: '医疗机构' },
  { code: 'village_committee', label: '村(居)委会' },
  { code: 'neighbour', label: '邻居/亲友' },
  { code: 'other', label: '其他' },
] as const

/** What a worker records on a report; the first one recorded stops the first-contact clock. */
export const REPORT_ACTIONS = [
  { code: 'contact', label: '联系核实' },
  { code: 'home_visit', label: '入户' },
  { code: 'refer_police', label: '转介公安' },
  { code: 'refer_school', label: '转介学校' },
  { code: 'refer_medical', label: '转介医疗' },
  { code: 'register', label: '纳入登记' },
  { code: 'close', label: '关闭' },
] as const

export type ReportConcern = (typeof REPORT_CONCERNS)[number]['code']
export type ReporterKind = (typeof REPORTER_KINDS)[number]['code']
export type ReportAction = (typeof REPORT_ACTIONS)[number]['code']
export type ReportStatus = 'open' | 'closed'

export const concernLabel = (code: string) => labelOf(REPORT_CONCERNS, code)
export const reporterLabel = (code: string) => labelOf(REPORTER_KINDS, code)
export const reportActionLabel = (code: string) => labelOf(REPORT_ACTIONS, code)
/** The reporter's receipt shows only this: whether someone is on it. */
export const RECEIPT_LABELS: Record<ReportStatus, string> = { open: '处理中', closed: '已处理' }

/** Hours from the report to the first contact (the village's child director is to act at once; the clock shows how late). */
export const FIRST_CONTACT_HOURS = 24
export const MAX_SEEN_LENGTH = 1000
export const MAX_ACTION_NOTE_LENGTH = 500
/** Closing a report says why, in at least this many characters. */
export const MIN_CLOSE_NOTE_LENGTH = 4

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const uuid = (label: string) => z.string({ error: `${label}格式不对` }).check(z.regex(UUID, `${label}格式不对`))

export const reportSchema = z.strictObject({
  /** The phone's id for the report: a resend after a lost answer is the same report. */
  id: uuid('报告编号'),
  villageCode: villageCode('孩子所在的村（社区）'),
  concern: choice(codesOf(REPORT_CONCERNS), '担心的情况'),
  seen: text('看到的情况', MAX_SEEN_LENGTH),
  reporter: choice(codesOf(REPORTER_KINDS), '您的身份'),
  phone: z.optional(phone('联系电话')),
})
export type ReportInput = z.infer<typeof reportSchema>

export const reportActionSchema = z
  .strictObject({
    action: choice(codesOf(REPORT_ACTIONS), '处理方式'),
    note: z.optional(
      z
        .string({ error: '处理情况格式不对' })
        .check(z.trim(), z.maxLength(MAX_ACTION_NOTE_LENGTH, `处理情况不能超过${MAX_ACTION_NOTE_LENGTH}个字`)),
    ),
    /** The phone's id for this action: a resend is answered, not recorded twice. */
    requestId: z.optional(uuid('请求编号')),
    /** 纳入登记: the id of the registration draft the worker opened from the report. */
    registrationId: z.optional(uuid('登记编号')),
  })
  .check(
    z.superRefine((body, ctx) => {
      if (body.action === 'close' && (body.note ?? '').length < MIN_CLOSE_NOTE_LENGTH) {
        ctx.addIssue({ code: 'custom', path: ['note'], message: `关闭时请写明处理结果（至少${MIN_CLOSE_NOTE_LENGTH}个字）`, input: body })
      }
      if (body.action !== 'register' && body.registrationId !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['registrationId'], message: '只有纳入登记时才需要登记编号', input: body })
      }
    }),
  )
export type ReportActionInput = z.infer<typeof reportActionSchema>

type Checked<T> = { ok: true; value: T } | { ok: false; issues: Issue[] }

function checked<T>(
  result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): Checked<T> {
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, issues: result.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })) }
}

export const validateReport = (input: unknown): Checked<ReportInput> => checked(reportSchema.safeParse(input))
export const validateReportAction = (input: unknown): Checked<ReportActionInput> => checked(reportActionSchema.safeParse(input))

/** When first contact is due: FIRST_CONTACT_HOURS after the report reached the server. */
export function firstContactDue(createdAt: string): string {
  return new Date(Date.parse(createdAt) + FIRST_CONTACT_HOURS * 3600_000).toISOString()
}

/**
 * The clock as a list shows it: running until the first action, then stopped. `hoursLeft` is rounded down and
 * negative once overdue; null when the clock has stopped.
 */
export function contactClock(
  createdAt: string,
  firstActionAt: string | null,
  nowMs: number,
): { dueAt: string; overdue: boolean; hoursLeft: number | null } {
  const dueAt = firstContactDue(createdAt)
  const due = Date.parse(dueAt)
  if (firstActionAt) return { dueAt, overdue: Date.parse(firstActionAt) > due, hoursLeft: null }
  const left = (due - nowMs) / 3600_000
  return { dueAt, overdue: left < 0, hoursLeft: Math.floor(left) }
}

/** A short number the reporter can quote on the phone: the day and the first characters of the id. */
export function receiptNumber(id: string, createdAt: string): string {
  const chinaDay = new Date(Date.parse(createdAt) + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '')
  return `BG${chinaDay}-${id.slice(0, 6).toUpperCase()}`
}

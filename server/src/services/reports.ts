/**
 * 强制报告/发现报告 (docs/lifecycle.md, "Reports of a child at risk"). Anyone signed in reports a child who may
 * be unsafe; the report reaches the workers whose region holds the village (village worker, township
 * supervisor, county above) at once, urgent, with a 24-hour first-contact clock that the first action stops.
 * The reporter gets a receipt and sees only whether it is being handled. Like registrations: sealed at rest,
 * scoped by region (a report outside one's region "does not exist": 404), every worker's read and action audited.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type {
  ReceiptList,
  ReportActionEntry,
  ReportDetail,
  ReportList,
  ReportListItem,
  ReportReceipt,
} from '../../../src/domain/report-api'
import {
  concernLabel,
  contactClock,
  firstContactDue,
  receiptNumber,
  RECEIPT_LABELS,
  reportActionLabel,
  reporterLabel,
  validateReport,
  validateReportAction,
  type ReportConcern,
  type ReporterKind,
} from '../../../src/domain/report'
import { ROLE_LABELS } from '../../../src/domain/status'
import type { Actor } from '../actor'
import { now, nowMs } from '../clock'
import { audit } from '../db/audit'
import {
  actionsOf,
  findAction,
  findReport,
  insertAction,
  insertReport,
  regionReports,
  reportsOf,
  touchReport,
  type ReportActionRow,
  type ReportRow,
} from '../db/reports'
import { HttpError, badRequest, conflict, notFound } from '../errors'
import { canSee, regionRange } from '../scope'
import { contentHash } from '../vault'

const HOUR_MS = 60 * 60_000
const LIST_LIMIT = 200

interface Sealed {
  concern: ReportConcern
  seen: string
  reporter: ReporterKind
  phone?: string
}

export interface ReportLimits {
  /** New reports one account may send per hour (HUTONG_REPORTS_PER_HOUR). */
  perHour: number
  /** New reports about one village per hour, from everyone (HUTONG_REPORTS_PER_VILLAGE_PER_HOUR). */
  perVillagePerHour: number
}

const missing = () => notFound('找不到这条报告')
const openPayload = (app: FastifyInstance, row: ReportRow) => app.vault.openJson<Sealed>(row.payload, `report:${row.id}`)

function receiptOf(row: ReportRow): ReportReceipt {
  return {
    id: row.id,
    number: receiptNumber(row.id, row.created_at),
    createdAt: row.created_at,
    status: row.status,
    statusLabel: RECEIPT_LABELS[row.status],
  }
}

/**
 * A script could fill a village's list with false reports and bury a true one: one account and one village
 * each have an hourly ceiling, counted on every instance. Over it, 429 with the time to wait; the report stays
 * in the phone's outbox and goes later. Only a new id counts.
 */
async function countNew(app: FastifyInstance, key: string, limit: number, message: string): Promise<void> {
  const { count, ttlMs } = await app.sharedState.increment(key, HOUR_MS)
  if (count <= limit) return
  const minutes = Math.max(1, Math.ceil(ttlMs / 60_000))
  const err = new HttpError(
    429,
    'too_many_reports',
    `${message}。报告已保存在手机上，约${minutes}分钟后会自动再次发送；情况紧急请直接拨打110`,
  )
  err.retryAfterSeconds = Math.max(1, Math.ceil(ttlMs / 1000))
  throw err
}

/** `POST /reports`: 201 and the receipt; the same id and content again: 200 and the same receipt. */
export async function createReport(
  app: FastifyInstance,
  actor: Actor,
  body: unknown,
  ip: string,
  limits: ReportLimits,
): Promise<{ statusCode: 200 | 201; receipt: ReportReceipt }> {
  const checked = validateReport(body)
  if (!checked.ok) throw badRequest('填写的内容有误，请按提示修改', checked.issues)
  const { id: rawId, villageCode, ...content } = checked.value
  const id = rawId.toLowerCase()
  if (!app.regions.isVillage(villageCode)) {
    throw badRequest('填写的内容有误，请按提示修改', [{ path: ['villageCode'], message: '这个村（社区）不存在，请重新选择' }])
  }
  const hash = contentHash({ villageCode, ...content })
  const existing = await findReport(app.db, id)
  if (!existing) {
    await countNew(app, `new-reports:${actor.id}`, limits.perHour, `一小时内最多发送${limits.perHour}份报告`)
    await countNew(app, `new-reports-village:${villageCode}`, limits.perVillagePerHour, '这个村（社区）一小时内收到的报告太多')
  }
  return app.transact(async (trx) => {
    const at = now()
    const row: ReportRow = {
      id,
      reporter_id: actor.id,
      village_code: villageCode,
      status: 'open',
      payload: app.vault.sealJson(content satisfies Sealed, `report:${id}`),
      content_hash: hash,
      created_at: at,
      due_at: firstContactDue(at),
      first_action_at: null,
      closed_at: null,
      updated_at: at,
    }
    if (await insertReport(trx, row)) {
      await audit(trx, { actor, action: 'report_create', targetType: 'report', targetId: id, regionCode: villageCode, ip })
      return { statusCode: 201, receipt: receiptOf(row) }
    }
    const stored = await findReport(trx, id)
    // Another account's id: say nothing about it beyond "taken".
    if (!stored || stored.reporter_id !== actor.id) throw conflict('id_taken', '这个报告编号已被占用，请重新发送')
    if (stored.content_hash !== hash) throw conflict('conflict', '这份报告已经发送过，内容不能再修改；如有新情况请另写一份报告')
    return { statusCode: 200, receipt: receiptOf(stored) }
  })
}

/** `GET /reports/mine`: the caller's own receipts, newest first. */
export async function myReports(app: FastifyInstance, actor: Actor): Promise<ReceiptList> {
  return { items: (await reportsOf(app.db, actor.id, LIST_LIMIT)).map(receiptOf) }
}

function listItem(app: FastifyInstance, row: ReportRow, sealed: Sealed): ReportListItem {
  const clock = contactClock(row.created_at, row.first_action_at, nowMs())
  return {
    ...receiptOf(row),
    villageCode: row.village_code,
    villageName: app.regions.name(row.village_code) ?? '',
    concern: sealed.concern,
    concernLabel: concernLabel(sealed.concern),
    urgent: row.status === 'open' && !row.first_action_at,
    ...clock,
    firstActionAt: row.first_action_at,
  }
}

/** `GET /reports`: the region's reports, urgent first (audited: the list names villages and worries). */
export async function regionReportList(app: FastifyInstance, actor: Actor, ip: string): Promise<ReportList> {
  const range = regionRange(actor.regionCode)
  if (!range) return { items: [] }
  const rows = await regionReports(app.db, range, LIST_LIMIT)
  await app.transact((trx) =>
    audit(trx, {
      actor,
      action: 'report_list',
      targetType: 'region',
      targetId: range.prefix,
      regionCode: range.prefix,
      ip,
      detail: { count: rows.length },
    }),
  )
  return { items: rows.map((r) => listItem(app, r, openPayload(app, r))) }
}

/** The report, if this worker's region holds its village; otherwise 404. */
async function reachableReport(app: FastifyInstance, actor: Actor, id: string): Promise<ReportRow> {
  const row = await findReport(app.db, id)
  if (!row || !canSee(actor.regionCode, row.village_code)) throw missing()
  return row
}

function actionEntry(app: FastifyInstance, a: ReportActionRow): ReportActionEntry {
  const detail = a.detail ? app.vault.openJson<{ note: string }>(a.detail, `report-action:${a.id}`) : null
  return {
    at: a.at,
    action: a.action,
    actionLabel: reportActionLabel(a.action),
    note: detail?.note ?? null,
    role: a.actor_role,
    roleLabel: ROLE_LABELS[a.actor_role] ?? a.actor_role,
    registrationId: a.registration_id,
  }
}

async function detailOf(app: FastifyInstance, row: ReportRow): Promise<ReportDetail> {
  const sealed = openPayload(app, row)
  return {
    ...listItem(app, row, sealed),
    villageFullName: app.regions.fullName(row.village_code) ?? '',
    seen: sealed.seen,
    reporter: sealed.reporter,
    reporterLabel: reporterLabel(sealed.reporter),
    phone: sealed.phone ?? null,
    actions: (await actionsOf(app.db, row.id)).map((a) => actionEntry(app, a)),
  }
}

/** `GET /reports/:id`: one report in full, for a worker of its region; each read is an audit row. */
export async function openReport(app: FastifyInstance, actor: Actor, id: string, ip: string): Promise<ReportDetail> {
  const row = await reachableReport(app, actor, id)
  await app.transact((trx) =>
    audit(trx, { actor, action: 'report_view', targetType: 'report', targetId: row.id, regionCode: row.village_code, ip }),
  )
  return detailOf(app, row)
}

/**
 * `POST /reports/:id/actions`: what a worker did. The first action stops the clock; 关闭 closes the report
 * (nothing more is recorded after it); 纳入登记 carries the id of the registration draft the worker opened.
 * A resent action (same requestId) is answered with the report as it is, not recorded twice.
 */
export async function recordReportAction(app: FastifyInstance, actor: Actor, id: string, body: unknown, ip: string): Promise<ReportDetail> {
  const checked = validateReportAction(body)
  if (!checked.ok) throw badRequest('填写的内容有误，请按提示修改', checked.issues)
  const { action, note, requestId, registrationId } = checked.value
  const row = await reachableReport(app, actor, id)
  const actionId = (requestId ?? randomUUID()).toLowerCase()
  await app.transact(async (trx) => {
    const resent = await findAction(trx, actionId)
    if (resent) {
      if (resent.report_id !== row.id) throw conflict('id_taken', '这个请求编号已被占用，请重新提交')
      return
    }
    const current = await findReport(trx, row.id)
    if (current?.status === 'closed') throw conflict('closed', '这条报告已经关闭，不能再记录处理情况')
    const at = now()
    await insertAction(trx, {
      id: actionId,
      report_id: row.id,
      at,
      actor_id: actor.id,
      actor_role: actor.role,
      action,
      detail: note ? app.vault.sealJson({ note }, `report-action:${actionId}`) : null,
      registration_id: action === 'register' ? (registrationId?.toLowerCase() ?? null) : null,
    })
    await touchReport(trx, row.id, at, action === 'close')
    await audit(trx, {
      actor,
      action: 'report_action',
      targetType: 'report',
      targetId: row.id,
      regionCode: row.village_code,
      ip,
      detail: { action },
    })
  })
  return detailOf(app, (await findReport(app.db, row.id))!)
}

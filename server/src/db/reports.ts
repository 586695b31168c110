/** Reports of a child at risk and the actions on them (migration 009). */
import type { Kysely, Selectable } from 'kysely'
import type { RegionRange } from '../scope'
import { num } from './connect'
import type { Database, ReportActionsTable, ReportsTable } from './types'

export type ReportRow = Selectable<ReportsTable>
export type ReportActionRow = Selectable<ReportActionsTable>
type Ex = Kysely<Database>

/** Inserts a new report; false when the id is already taken (a resend, or a concurrent twin). */
export async function insertReport(ex: Ex, row: ReportRow): Promise<boolean> {
  const res = await ex
    .insertInto('reports')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst()
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1
}

export function findReport(ex: Ex, id: string): Promise<ReportRow | undefined> {
  return ex.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst()
}

export function reportsOf(ex: Ex, reporterId: string, limit: number): Promise<ReportRow[]> {
  return ex
    .selectFrom('reports')
    .selectAll()
    .where('reporter_id', '=', reporterId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/**
 * A region's reports: every open one — those still waiting for a first contact first, earliest due first —
 * then the most recently closed, up to `limit` in all.
 */
export async function regionReports(ex: Ex, range: RegionRange, limit: number): Promise<ReportRow[]> {
  const inRange = ex.selectFrom('reports').selectAll().where('village_code', '>=', range.lo).where('village_code', '<=', range.hi)
  const open = await inRange
    .where('status', '=', 'open')
    .orderBy((eb) => eb.case().when('first_action_at', 'is', null).then(0).else(1).end())
    .orderBy('due_at')
    .orderBy('id')
    .limit(limit)
    .execute()
  if (open.length >= limit) return open
  const closed = await inRange
    .where('status', '=', 'closed')
    .orderBy('closed_at', 'desc')
    .orderBy('id')
    .limit(limit - open.length)
    .execute()
  return [...open, ...closed]
}

export function actionsOf(ex: Ex, reportId: string): Promise<ReportActionRow[]> {
  return ex.selectFrom('report_actions').selectAll().where('report_id', '=', reportId).orderBy('at').orderBy('id').execute()
}

export function findAction(ex: Ex, id: string): Promise<ReportActionRow | undefined> {
  return ex.selectFrom('report_actions').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertAction(ex: Ex, row: ReportActionRow): Promise<void> {
  await ex.insertInto('report_actions').values(row).execute()
}

/** Records the action's effect on the report: the clock stopped by the first one, closed by 关闭. */
export async function touchReport(ex: Ex, id: string, at: string, close: boolean): Promise<void> {
  await ex
    .updateTable('reports')
    .set((eb) => ({
      first_action_at: eb.fn.coalesce('first_action_at', eb.val(at)),
      updated_at: at,
      ...(close ? { status: 'closed' as const, closed_at: at } : {}),
    }))
    .where('id', '=', id)
    .execute()
}

/** Open reports and those whose first contact is overdue (still none past due_at, or the first came late), by village. */
export async function reportCounts(ex: Ex, range: RegionRange, nowIso: string) {
  const rows = await ex
    .selectFrom('reports')
    .where('village_code', '>=', range.lo)
    .where('village_code', '<=', range.hi)
    .where('status', '=', 'open')
    .select((eb) => [
      'village_code',
      eb.fn.countAll().as('open'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.or([eb.and([eb('first_action_at', 'is', null), eb('due_at', '<', nowIso)]), eb('first_action_at', '>', eb.ref('due_at'))]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('overdue'),
    ])
    .groupBy('village_code')
    .execute()
  return rows.map((r) => ({ village_code: r.village_code, open: num(r.open), overdue: num(r.overdue) }))
}

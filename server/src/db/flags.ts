/** 待复核 flags (migration 007): written by the daily re-check, read by the worker's list, dismissed by a worker. */
import type { Kysely, Selectable } from 'kysely'
import type { Status } from '../../../src/domain/status'
import type { RegionRange } from '../scope'
import { num } from './connect'
import type { Database, ReviewFlagsTable } from './types'

export type FlagRow = Selectable<ReviewFlagsTable>
type Ex = Kysely<Database>

export function flagsOf(ex: Ex, ids: string[]): Promise<FlagRow[]> {
  if (ids.length === 0) return Promise.resolve([])
  return ex.selectFrom('review_flags').selectAll().where('registration_id', 'in', ids).execute()
}

export function flagOf(ex: Ex, id: string): Promise<FlagRow | undefined> {
  return ex.selectFrom('review_flags').selectAll().where('registration_id', '=', id).executeTakeFirst()
}

/** Inserts the flag, or replaces what the row holds (a changed loss re-opens a dismissed flag). */
export async function putFlag(ex: Ex, row: FlagRow): Promise<void> {
  await ex
    .insertInto('review_flags')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('registration_id')
        .doUpdateSet({ detail: row.detail, lost: row.lost, dismissed: row.dismissed, updated_at: row.updated_at }),
    )
    .execute()
}

export async function deleteFlags(ex: Ex, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0
  const res = await ex.deleteFrom('review_flags').where('registration_id', 'in', ids).executeTakeFirst()
  return Number(res.numDeletedRows)
}

/** True when an open flag was there to dismiss. */
export async function dismissFlag(ex: Ex, id: string, at: string): Promise<boolean> {
  const res = await ex
    .updateTable('review_flags')
    .set({ dismissed: 1, updated_at: at })
    .where('registration_id', '=', id)
    .where('dismissed', '=', 0)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** The records the daily re-check reads, a batch at a time in id order (every region: the job is the system's). */
export function recheckBatch(ex: Ex, statuses: readonly Status[], afterId: string, limit: number) {
  return ex
    .selectFrom('registrations')
    .selectAll()
    .where('status', 'in', statuses as Status[])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** Flags whose record has left the statuses the re-check reads (ended, or a proposal under way): dropped. */
export async function deleteStaleFlags(ex: Ex, statuses: readonly Status[]): Promise<number> {
  const res = await ex
    .deleteFrom('review_flags')
    .where('registration_id', 'in', (eb) =>
      eb
        .selectFrom('registrations')
        .select('id')
        .where('status', 'not in', statuses as Status[]),
    )
    .executeTakeFirst()
  return Number(res.numDeletedRows)
}

function openInRange(ex: Ex, range: RegionRange, statuses: readonly Status[]) {
  return ex
    .selectFrom('review_flags')
    .innerJoin('registrations', 'registrations.id', 'review_flags.registration_id')
    .where('review_flags.village_code', '>=', range.lo)
    .where('review_flags.village_code', '<=', range.hi)
    .where('review_flags.dismissed', '=', 0)
    .where('registrations.status', 'in', statuses as Status[])
}

/** A page of a region's open flags with their records, newest change of the record first. */
export function flagPage(
  ex: Ex,
  range: RegionRange,
  statuses: readonly Status[],
  after: { updatedAt: string; id: string } | undefined,
  limit: number,
) {
  let q = openInRange(ex, range, statuses).selectAll('registrations').select('review_flags.detail as flag_detail')
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('registrations.updated_at', '<', after.updatedAt),
        eb.and([eb('registrations.updated_at', '=', after.updatedAt), eb('registrations.id', '<', after.id)]),
      ]),
    )
  }
  return q.orderBy('registrations.updated_at', 'desc').orderBy('registrations.id', 'desc').limit(limit).execute()
}

export async function flagCount(ex: Ex, range: RegionRange, statuses: readonly Status[]): Promise<number> {
  const row = await openInRange(ex, range, statuses)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst()
  return num(row?.n)
}

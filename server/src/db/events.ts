/** The history of one registration: one row per version, the detail encrypted (it holds reasons and diffs). */
import type { HistoryAction } from '../../../src/domain/api'
import type { Insertable, Kysely, Selectable } from 'kysely'
import type { Database, EventsTable } from './types'

export type EventRow = Selectable<EventsTable>
type Ex = Kysely<Database>

export async function insertEvent(ex: Ex, e: Insertable<EventsTable>): Promise<void> {
  await ex.insertInto('registration_events').values(e).execute()
}

export function listEvents(ex: Ex, registrationId: string) {
  return ex
    .selectFrom('registration_events')
    .leftJoin('users', 'users.id', 'registration_events.actor_id')
    .selectAll('registration_events')
    .select(['users.username as actor_username', 'users.display_name as actor_name'])
    .where('registration_id', '=', registrationId)
    .orderBy('version')
    .execute()
}

/** The event a review action with this request id already wrote, if any. */
export function eventByRequest(ex: Ex, registrationId: string, requestId: string): Promise<EventRow | undefined> {
  return ex
    .selectFrom('registration_events')
    .selectAll()
    .where('registration_id', '=', registrationId)
    .where('request_id', '=', requestId)
    .executeTakeFirst()
}

export function latestEvent(ex: Ex, registrationId: string, action: HistoryAction): Promise<EventRow | undefined> {
  return ex
    .selectFrom('registration_events')
    .selectAll()
    .where('registration_id', '=', registrationId)
    .where('action', '=', action)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** Who verified each of these registrations last, and when (the roster's 核实人 / 核实日期). */
export async function verifications(ex: Ex, ids: string[]): Promise<Map<string, { by: string; at: string }>> {
  const out = new Map<string, { by: string; at: string }>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ex
      .selectFrom('registration_events')
      .innerJoin('users', 'users.id', 'registration_events.actor_id')
      .select(['registration_id', 'at', 'users.username', 'users.display_name'])
      .where('action', '=', 'verify')
      .where('registration_id', 'in', ids.slice(i, i + 500))
      .orderBy('version')
      .execute()
    for (const r of rows) out.set(r.registration_id, { by: r.display_name ?? r.username ?? '', at: r.at })
  }
  return out
}

/** The encrypted details written by village workers (where visit records live), oldest first. */
export async function workerDetails(ex: Ex, ids: string[]) {
  const out: Pick<EventRow, 'registration_id' | 'version' | 'detail'>[] = []
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...(await ex
        .selectFrom('registration_events')
        .select(['registration_id', 'version', 'detail'])
        .where('actor_role', '=', 'village_worker')
        .where('detail', 'is not', null)
        .where('registration_id', 'in', ids.slice(i, i + 500))
        .orderBy('version')
        .execute()),
    )
  }
  return out
}

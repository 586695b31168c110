/** Monthly home visits (migration 008): written with the `record_visit` event, read per region and month. */
import type { Insertable, Kysely } from 'kysely'
import { ACTIVE_STATUSES, type Status } from '../../../src/domain/status'
import type { RegionRange } from '../scope'
import { CATEGORY_COLUMNS } from './registrations'
import type { Database, VisitsTable } from './types'

type Ex = Kysely<Database>
const ACTIVE = ACTIVE_STATUSES as Status[]

export async function insertVisit(ex: Ex, row: Insertable<VisitsTable>): Promise<void> {
  await ex.insertInto('visits').values(row).execute()
}

/** The region's supported records (ACTIVE_STATUSES), whole rows: the village worker's list opens them. */
export function activeRecords(ex: Ex, range: RegionRange) {
  return ex
    .selectFrom('registrations')
    .selectAll()
    .where('village_code', '>=', range.lo)
    .where('village_code', '<=', range.hi)
    .where('status', 'in', ACTIVE)
    .orderBy('village_code')
    .orderBy('id')
    .execute()
}

/** The same records, only what the counts need (a county or a province: no payload read). */
export function activeBriefs(ex: Ex, range: RegionRange) {
  return ex
    .selectFrom('registrations')
    .select(['id', 'village_code', ...Object.values(CATEGORY_COLUMNS)])
    .where('village_code', '>=', range.lo)
    .where('village_code', '<=', range.hi)
    .where('status', 'in', ACTIVE)
    .execute()
}

/** Per record of the region: its last visit month before `month`, and its visit in `month` (the latest), if any. */
export async function visitMonths(ex: Ex, range: RegionRange, month: string) {
  const inRange = ex.selectFrom('visits').where('village_code', '>=', range.lo).where('village_code', '<=', range.hi)
  const before = await inRange
    .select((eb) => ['registration_id', eb.fn.max('month').as('last')])
    .where('month', '<', month)
    .groupBy('registration_id')
    .execute()
  const during = await inRange
    .select(['registration_id', 'visited_on', 'method'])
    .where('month', '=', month)
    .orderBy('visited_on')
    .execute()
  return {
    last: new Map(before.map((r) => [r.registration_id, String(r.last)])),
    done: new Map(during.map((r) => [r.registration_id, { date: r.visited_on, method: r.method }])),
  }
}

/** When the county confirmed each supported record of the region (the first 确认: a visit is due from then). */
export async function confirmedAt(ex: Ex, range: RegionRange): Promise<Map<string, string>> {
  const rows = await ex
    .selectFrom('registration_events')
    .innerJoin('registrations', 'registrations.id', 'registration_events.registration_id')
    .select((eb) => ['registration_events.registration_id as id', eb.fn.min('registration_events.at').as('at')])
    .where('registrations.village_code', '>=', range.lo)
    .where('registrations.village_code', '<=', range.hi)
    .where('registrations.status', 'in', ACTIVE)
    .where('registration_events.action', '=', 'confirm')
    .groupBy('registration_events.registration_id')
    .execute()
  return new Map(rows.map((r) => [r.id, String(r.at)]))
}

/**
 * The roster's reads: the summary from the kept counters (migration 006) and the rows in keyset pages, in
 * village order, so that an export of a city never holds the whole region in memory.
 */
import { sql, type Kysely } from 'kysely'
import type { Status } from '../../../src/domain/status'
import type { RegionRange } from '../scope'
import { num } from './connect'
import { CATEGORY_COLUMNS, type RegistrationRow } from './registrations'
import type { Database } from './types'

type Ex = Kysely<Database>

/** Where the last page ended: the order is village, creation time, id (unique), so no row is skipped or repeated. */
export type RosterCursor = Pick<RegistrationRow, 'village_code' | 'created_at' | 'id'>

export interface VillageCount {
  village_code: string
  n: number
  left_behind: number
  difficulty: number
  de_facto_unsupported: number
  orphan: number
}

/** Per village with at least one row (statuses other than `excluded`): how many, and how many per category. */
export async function rosterCounts(ex: Ex, range: RegionRange, excluded: Status[]): Promise<VillageCount[]> {
  const rows = await ex
    .selectFrom('registration_counts')
    .where('village_code', '>=', range.lo)
    .where('village_code', '<=', range.hi)
    .where('status', 'not in', excluded)
    .select((eb) => [
      'village_code',
      eb.fn.sum('n').as('n'),
      ...Object.entries(CATEGORY_COLUMNS).map(([c, col]) => eb.fn.sum(sql.ref(col)).as(c)),
    ])
    .groupBy('village_code')
    .orderBy('village_code')
    .execute()
  return rows
    .map((r) => {
      const row = r as Record<string, unknown>
      return {
        village_code: r.village_code,
        n: num(row.n),
        left_behind: num(row.left_behind),
        difficulty: num(row.difficulty),
        de_facto_unsupported: num(row.de_facto_unsupported),
        orphan: num(row.orphan),
      }
    })
    .filter((r) => r.n > 0)
}

/** One page of the region's rows after `after` (the first page when undefined). */
export function rosterPage(ex: Ex, range: RegionRange, excluded: Status[], after: RosterCursor | undefined, limit: number) {
  let q = ex
    .selectFrom('registrations')
    .selectAll()
    .where('village_code', '>=', range.lo)
    .where('village_code', '<=', range.hi)
    .where('status', 'not in', excluded)
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('village_code', '>', after.village_code),
        eb.and([eb('village_code', '=', after.village_code), eb('created_at', '>', after.created_at)]),
        eb.and([eb('village_code', '=', after.village_code), eb('created_at', '=', after.created_at), eb('id', '>', after.id)]),
      ]),
    )
  }
  return q.orderBy('village_code').orderBy('created_at').orderBy('id').limit(limit).execute()
}

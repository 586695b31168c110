/** Queries on quarterly_updates (动态更新). Region-wide queries take a RegionRange, as every list does. */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely'
import type { Status } from '../../../src/domain/status'
import type { RegionRange } from '../scope'
import type { Database, QuarterlyUpdatesTable } from './types'

export type QuarterlyRow = Selectable<QuarterlyUpdatesTable>
type Ex = Kysely<Database>

export function findAnswer(ex: Ex, registrationId: string, quarter: string): Promise<QuarterlyRow | undefined> {
  return ex
    .selectFrom('quarterly_updates')
    .selectAll()
    .where('registration_id', '=', registrationId)
    .where('quarter', '=', quarter)
    .executeTakeFirst()
}

/** The quarter's answer, written or replaced ("没有变化" first, a change later the same quarter). */
export async function putAnswer(ex: Ex, row: Insertable<QuarterlyUpdatesTable>): Promise<void> {
  await ex
    .insertInto('quarterly_updates')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['registration_id', 'quarter']).doUpdateSet({
        answer: row.answer,
        version: row.version,
        content_hash: row.content_hash ?? null,
        actor_id: row.actor_id,
        answered_at: row.answered_at,
      }),
    )
    .execute()
}

/** The range's records in these statuses, each with its answer for the quarter if it has one (q.* null if not). */
function withAnswers(ex: Ex, range: RegionRange, quarter: string, statuses: readonly Status[]) {
  return ex
    .selectFrom('registrations as r')
    .leftJoin('quarterly_updates as q', (j) => j.onRef('q.registration_id', '=', 'r.id').on('q.quarter', '=', quarter))
    .where('r.village_code', '>=', range.lo)
    .where('r.village_code', '<=', range.hi)
    .where('r.status', 'in', statuses as Status[])
}

/** Records of the range in these statuses, and how many answered the quarter, per village. */
export function completionByVillage(ex: Ex, range: RegionRange, quarter: string, statuses: readonly Status[]) {
  return withAnswers(ex, range, quarter, statuses)
    .select((eb) => [
      'r.village_code',
      eb.fn.countAll().as('due'),
      eb.fn.count('q.registration_id').as('answered'),
      eb.fn.sum<number>(sql`case when q.answer = 'changed' then 1 else 0 end`).as('changed'),
    ])
    .groupBy('r.village_code')
    .orderBy('r.village_code')
    .execute()
}

/** Records of the range in these statuses with no answer for the quarter, oldest id first. */
export function unanswered(ex: Ex, range: RegionRange, quarter: string, statuses: readonly Status[], limit: number) {
  return withAnswers(ex, range, quarter, statuses)
    .where('q.registration_id', 'is', null)
    .selectAll('r')
    .orderBy('r.id')
    .limit(limit)
    .execute()
}

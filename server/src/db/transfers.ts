/** Queries on transfers (migration 011). Lists take a RegionRange over one of the two villages: no unscoped list. */
import type { Insertable, Kysely, Selectable } from 'kysely'
import type { TransferState } from '../../../src/domain/transfer'
import type { RegionRange } from '../scope'
import type { Database, TransfersTable } from './types'

export type TransferRow = Selectable<TransfersTable>
type Ex = Kysely<Database>

/**
 * The tables keyed by registration that keep a copy of its village for their own region ranges: on a transfer
 * they follow the record: the 待复核 flag, and the monthly visits, which count in the village the child lives in now.
 */
export const FOLLOWS_VILLAGE = ['review_flags', 'visits'] as const

export async function insertTransfer(ex: Ex, row: Insertable<TransfersTable>): Promise<void> {
  await ex.insertInto('transfers').values(row).execute()
}

export function findTransfer(ex: Ex, id: string): Promise<TransferRow | undefined> {
  return ex.selectFrom('transfers').selectAll().where('id', '=', id).executeTakeFirst()
}

export function openTransferOf(ex: Ex, registrationId: string): Promise<TransferRow | undefined> {
  return ex
    .selectFrom('transfers')
    .selectAll()
    .where('registration_id', '=', registrationId)
    .where('state', '=', 'pending')
    .executeTakeFirst()
}

/** pending → `state`, only if still pending: false when another step got there first. */
export async function settleTransfer(
  ex: Ex,
  id: string,
  set: { state: TransferState; decided_at: string; decided_by: string; detail?: string | null },
): Promise<boolean> {
  const res = await ex.updateTable('transfers').set(set).where('id', '=', id).where('state', '=', 'pending').executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** Everything keyed by the registration that carries a village follows it to the new one. */
export async function moveFollowers(ex: Ex, registrationId: string, village: string): Promise<void> {
  for (const table of FOLLOWS_VILLAGE) {
    await ex.updateTable(table).set({ village_code: village }).where('registration_id', '=', registrationId).execute()
  }
}

/** Transfers into (`to_village`) or out of (`from_village`) a region, newest first, with the record's row. */
export function transfersOf(ex: Ex, side: 'to_village' | 'from_village', range: RegionRange, limit: number) {
  return ex
    .selectFrom('transfers')
    .innerJoin('registrations', 'registrations.id', 'transfers.registration_id')
    .selectAll('transfers')
    .select([
      'registrations.payload',
      'registrations.status',
      'registrations.cat_left_behind',
      'registrations.cat_difficulty',
      'registrations.cat_de_facto_unsupported',
      'registrations.cat_orphan',
    ])
    .where(`transfers.${side}`, '>=', range.lo)
    .where(`transfers.${side}`, '<=', range.hi)
    .orderBy('transfers.created_at', 'desc')
    .orderBy('transfers.id', 'desc')
    .limit(limit)
    .execute()
}

/** Per village of the region: accepted moves in and out, and moves waiting to be received. */
export async function transferCounts(ex: Ex, range: RegionRange) {
  const side = (col: 'to_village' | 'from_village', states: TransferState[]) =>
    ex
      .selectFrom('transfers')
      .select([`${col} as village`, (eb) => eb.fn.countAll<number | string>().as('n')])
      .where(col, '>=', range.lo)
      .where(col, '<=', range.hi)
      .where('state', 'in', states)
      .groupBy(col)
      .execute()
  const [into, out, waiting] = await Promise.all([
    side('to_village', ['accepted']),
    side('from_village', ['accepted']),
    side('to_village', ['pending']),
  ])
  return { into, out, waiting }
}

/** Queries on registrations. Every region-wide query takes a RegionRange: there is no unscoped list. */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely'
import type { Category } from '../../../src/domain/eligibility'
import type { Status } from '../../../src/domain/status'
import type { RegionRange } from '../scope'
import { num } from './connect'
import type { Database, RegistrationsTable } from './types'

export type RegistrationRow = Selectable<RegistrationsTable>
type Ex = Kysely<Database>

export const CATEGORY_COLUMNS = {
  left_behind: 'cat_left_behind',
  difficulty: 'cat_difficulty',
  de_facto_unsupported: 'cat_de_facto_unsupported',
  orphan: 'cat_orphan',
} as const satisfies Record<Category, keyof RegistrationsTable>

export function categoriesOf(row: Pick<RegistrationRow, (typeof CATEGORY_COLUMNS)[Category]>): Category[] {
  return (Object.keys(CATEGORY_COLUMNS) as Category[]).filter((c) => row[CATEGORY_COLUMNS[c]] === 1)
}

export function findRegistration(ex: Ex, id: string): Promise<RegistrationRow | undefined> {
  return ex.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Inserts unless the id exists (a concurrent twin won): true when this call created the row. */
export async function insertRegistration(ex: Ex, row: Insertable<RegistrationsTable>): Promise<boolean> {
  const res = await ex
    .insertInto('registrations')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst()
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1
}

/** Optimistic update: applies only if the row is still at `version`; false when someone else got there first. */
export async function updateAtVersion(ex: Ex, id: string, version: number, set: Partial<RegistrationsTable>): Promise<boolean> {
  const res = await ex
    .updateTable('registrations')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export function listByOwner(ex: Ex, ownerId: string, limit = 200): Promise<RegistrationRow[]> {
  return ex
    .selectFrom('registrations')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

export interface QueueFilter {
  range: RegionRange
  statuses?: readonly Status[]
  category?: Category
  /** Exact lookups for `q=`: HMACs of an ID number or a name (one per configured index key during a rotation). */
  hmacs?: { id?: string[]; name?: string[] }
}

function filtered(ex: Ex, f: QueueFilter) {
  let q = ex.selectFrom('registrations').where('village_code', '>=', f.range.lo).where('village_code', '<=', f.range.hi)
  if (f.statuses) q = q.where('status', 'in', f.statuses as Status[])
  if (f.category) q = q.where(CATEGORY_COLUMNS[f.category], '=', 1)
  if (f.hmacs) {
    const { id, name } = f.hmacs
    q = q.where((eb) => eb.or([...(id ? [eb('id_hmac', 'in', id)] : []), ...(name ? [eb('name_hmac', 'in', name)] : [])]))
  }
  return q
}

export function queuePage(ex: Ex, f: QueueFilter, after: { updatedAt: string; id: string } | undefined, limit: number) {
  let q = filtered(ex, f).selectAll()
  if (after) {
    q = q.where((eb) =>
      eb.or([eb('updated_at', '<', after.updatedAt), eb.and([eb('updated_at', '=', after.updatedAt), eb('id', '<', after.id)])]),
    )
  }
  return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

/**
 * How many registrations the filter matches. Without a search term the answer is a sum over the kept counters
 * (migration 006: a row per village and status), not a count of the registrations themselves.
 */
export async function queueCount(ex: Ex, f: QueueFilter): Promise<number> {
  if (f.hmacs) {
    const row = await filtered(ex, f)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst()
    return num(row?.n)
  }
  let q = ex.selectFrom('registration_counts').where('village_code', '>=', f.range.lo).where('village_code', '<=', f.range.hi)
  if (f.statuses) q = q.where('status', 'in', f.statuses as Status[])
  const row = await q.select((eb) => eb.fn.sum(sql.ref(f.category ? CATEGORY_COLUMNS[f.category] : 'n')).as('n')).executeTakeFirst()
  return num(row?.n)
}

/** Other registrations of (probably) the same child: same ID number, or same name + birth date + village. */
export function duplicatesOf(ex: Ex, row: Pick<RegistrationRow, 'id' | 'id_hmac' | 'person_hmac'>) {
  return ex
    .selectFrom('registrations')
    .select(['id', 'status', 'village_code', 'id_hmac', 'person_hmac'])
    .where('id', '!=', row.id)
    .where((eb) => eb.or([...(row.id_hmac ? [eb('id_hmac', '=', row.id_hmac)] : []), eb('person_hmac', '=', row.person_hmac)]))
    .orderBy('created_at')
    .limit(20)
    .execute()
}

/** Of these rows, the ids that share an ID-number or person hash with some other registration. */
export async function withDuplicates(ex: Ex, rows: RegistrationRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set()
  const shared = async (column: 'id_hmac' | 'person_hmac', values: string[]) => {
    if (values.length === 0) return new Set<string>()
    // Grouped in the database: only the hashes that occur more than once come back, never the rows.
    const found = await ex
      .selectFrom('registrations')
      .select(column)
      .where(column, 'in', values)
      .groupBy(column)
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute()
    return new Set(found.map((f) => (f as Record<string, string>)[column]))
  }
  const ids = await shared('id_hmac', [...new Set(rows.map((r) => r.id_hmac).filter((h): h is string => !!h))])
  const persons = await shared('person_hmac', [...new Set(rows.map((r) => r.person_hmac))])
  return new Set(rows.filter((r) => (r.id_hmac && ids.has(r.id_hmac)) || persons.has(r.person_hmac)).map((r) => r.id))
}

/** Counts by status (with the category sums) and by village and status, for a region, from the kept counters. */
export async function regionStats(ex: Ex, range: RegionRange) {
  const inRange = ex
    .selectFrom('registration_counts')
    .where('village_code', '>=', range.lo)
    .where('village_code', '<=', range.hi)
    .where('n', '>', 0)
  const byStatus = await inRange
    .select((eb) => [
      'status',
      eb.fn.sum('n').as('n'),
      ...Object.entries(CATEGORY_COLUMNS).map(([c, col]) => eb.fn.sum(sql.ref(col)).as(c)),
    ])
    .groupBy('status')
    .execute()
  const byVillage = await inRange.select(['village_code', 'status', 'n']).orderBy('village_code').execute()
  return { byStatus, byVillage }
}

/** Every registration of a region for the roster, village by village. */
export function inRegion(ex: Ex, range: RegionRange, excludeStatuses: Status[]) {
  return ex
    .selectFrom('registrations')
    .selectAll()
    .where('village_code', '>=', range.lo)
    .where('village_code', '<=', range.hi)
    .where('status', 'not in', excludeStatuses)
    .orderBy('village_code')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

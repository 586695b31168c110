/**
 * Key rotation, the part that touches stored rows: every record and event detail, and every value of the
 * smaller tables' sealed columns (sealed-columns.ts: 待复核 flags, WeChat messages, reports of a child at risk),
 * re-sealed under the current (first) data key, every registration's lookup hashes remade under the current
 * index key. In batches, each
 * batch its own short transaction, while the server runs:
 * - a row is rewritten only if it is still what was read (same version and ciphertext); one the server
 *   changed in between was written under the current keys by the server itself, and is left alone;
 * - which rows still need work is read from the rows themselves (the key id in `v2.<id>.` and in
 *   `lookup_key`), so a run that stops half-way is resumed by running it again.
 */
import { sql, type Kysely } from 'kysely'
import type { Registration } from '../../../src/domain/schema'
import type { Database } from '../db/types'
import { derive } from '../services/derive'
import type { Vault } from '../vault'
import { reencryptVisits, visitKeyUsage } from './rotation-visits'
import { SEALED_COLUMNS, columnName, columnUsage, resealColumn, type AnyDb, type ColumnReport } from './sealed-columns'
import { reencryptTransfers, transferKeyUsage } from './rotation-transfers'

export interface RotationOptions {
  batchSize?: number
  /** Pause between batches, to leave the database to the server's requests. */
  pauseMs?: number
  /** `what`: 'records', 'events', 'visits', or a sealed column's `table.column` (sealed-columns.ts). */
  onProgress?: (what: string, done: number, total: number) => void
}

export interface RotationReport {
  records: { rewritten: number; changedMeanwhile: number }
  events: { rewritten: number; changedMeanwhile: number }
  visits: { rewritten: number; changedMeanwhile: number }
  /** The smaller tables' sealed columns (sealed-columns.ts), by `table.column`. */
  columns: Record<string, ColumnReport>
  transfers: { rewritten: number; changedMeanwhile: number }
}

type Db = Kysely<Database>
const prefixOf = (vault: Vault) => `v2.${vault.dataKeyIds[0]}.`
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Registrations whose payload or lookup hashes are not under the current keys. */
function staleRecords(db: Db, vault: Vault) {
  const prefix = prefixOf(vault)
  return db
    .selectFrom('registrations')
    .where((eb) =>
      eb.or([
        eb(sql<string>`substr(payload, 1, ${prefix.length})`, '!=', prefix),
        eb('lookup_key', 'is', null),
        eb('lookup_key', '!=', vault.indexKeyIds[0]),
      ]),
    )
}

function staleEvents(db: Db, vault: Vault) {
  const prefix = prefixOf(vault)
  return db
    .selectFrom('registration_events')
    .where('detail', 'is not', null)
    .where(sql<string>`substr(detail, 1, ${prefix.length})`, '!=', prefix)
}

const countOf = async (row: Promise<{ n: unknown } | undefined>) => Number((await row)?.n ?? 0)

export async function reencrypt(db: Db, vault: Vault, opts: RotationOptions = {}): Promise<RotationReport> {
  const batchSize = opts.batchSize ?? 200
  const report: RotationReport = {
    records: { rewritten: 0, changedMeanwhile: 0 },
    events: { rewritten: 0, changedMeanwhile: 0 },
    visits: { rewritten: 0, changedMeanwhile: 0 },
    columns: {},
    transfers: { rewritten: 0, changedMeanwhile: 0 },
  }
  const [dataKey, indexKey] = [vault.dataKeyIds[0], vault.indexKeyIds[0]]

  let total = await countOf(
    staleRecords(db, vault)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst(),
  )
  let after = ''
  for (let done = 0; ;) {
    const rows = await staleRecords(db, vault)
      .select(['id', 'version', 'payload', 'lookup_key'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute()
    if (rows.length === 0) break
    after = rows[rows.length - 1].id
    // Decrypt and encrypt outside the transaction: the write lock is held only for the UPDATEs.
    const changes = rows.map((row) => {
      const record = vault.openJson<Registration>(row.payload, row.id)
      const payload = vault.sealedWith(row.payload) === dataKey ? row.payload : vault.sealJson(record, row.id)
      const { id_hmac, person_hmac, name_hmac, lookup_key } = derive(record, vault)
      const hashes = row.lookup_key === indexKey ? {} : { id_hmac, person_hmac, name_hmac, lookup_key }
      return { row, set: { payload, ...hashes } }
    })
    await db.transaction().execute(async (trx) => {
      for (const { row, set } of changes) {
        const res = await trx
          .updateTable('registrations')
          .set(set)
          .where('id', '=', row.id)
          .where('version', '=', row.version)
          .where('payload', '=', row.payload)
          .executeTakeFirst()
        if (Number(res.numUpdatedRows) === 1) report.records.rewritten++
        else report.records.changedMeanwhile++
      }
    })
    done += rows.length
    total = Math.max(total, done)
    opts.onProgress?.('records', done, total)
    if (opts.pauseMs) await sleep(opts.pauseMs)
  }

  total = await countOf(
    staleEvents(db, vault)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst(),
  )
  let cursor = { id: '', version: 0 }
  for (let done = 0; ;) {
    const rows = await staleEvents(db, vault)
      .select(['registration_id', 'version', 'detail'])
      .where((eb) =>
        eb.or([eb('registration_id', '>', cursor.id), eb.and([eb('registration_id', '=', cursor.id), eb('version', '>', cursor.version)])]),
      )
      .orderBy('registration_id')
      .orderBy('version')
      .limit(batchSize)
      .execute()
    if (rows.length === 0) break
    const last = rows[rows.length - 1]
    cursor = { id: last.registration_id, version: last.version }
    const changes = rows.map((e) => ({
      e,
      detail: vault.seal(vault.open(e.detail!, `${e.registration_id}#${e.version}`), `${e.registration_id}#${e.version}`),
    }))
    await db.transaction().execute(async (trx) => {
      for (const { e, detail } of changes) {
        const res = await trx
          .updateTable('registration_events')
          .set({ detail })
          .where('registration_id', '=', e.registration_id)
          .where('version', '=', e.version)
          .where('detail', '=', e.detail)
          .executeTakeFirst()
        if (Number(res.numUpdatedRows) === 1) report.events.rewritten++
        else report.events.changedMeanwhile++
      }
    })
    done += rows.length
    total = Math.max(total, done)
    opts.onProgress?.('events', done, total)
    if (opts.pauseMs) await sleep(opts.pauseMs)
  }
  report.visits = await reencryptVisits(db, vault, { ...opts, onProgress: (done, all) => opts.onProgress?.('visits', done, all) })

  report.transfers = await reencryptTransfers(db, vault, batchSize)

  for (const c of SEALED_COLUMNS) {
    const name = columnName(c)
    report.columns[name] = await resealColumn(db as unknown as AnyDb, vault, c, {
      batchSize,
      pause: async () => {
        if (opts.pauseMs) await sleep(opts.pauseMs)
      },
      onProgress: (done) => opts.onProgress?.(name, done, done),
    })
  }
  return report
}

export interface KeyUsage {
  /** Registrations by the data key of their payload ('v1': sealed before key ids). */
  records: Record<string, number>
  /** Registrations by the index key of their lookup hashes ('none': written before the lookup_key column). */
  lookups: Record<string, number>
  /** Event details by data key. */
  events: Record<string, number>
  /** Visits' sealed findings by data key (migration 008). */
  visits: Record<string, number>
  /** The smaller tables' sealed columns by data key, by `table.column`. */
  columns: Record<string, Record<string, number>>
  /** Transfers' details by data key. */
  transfers: Record<string, number>
}

/** Which keys the stored rows are under: a key may leave the configuration once nothing is under it. */
export async function keyUsage(db: Db): Promise<KeyUsage> {
  const sealedBy = (column: string) =>
    sql<string>`case when ${sql.ref(column)} like 'v2.%' then substr(${sql.ref(column)}, 4, 8) else 'v1' end`
  const tally = (rows: { k?: string | null; n: unknown }[]) => Object.fromEntries(rows.map((r) => [r.k ?? 'none', Number(r.n)]))
  const records = await db
    .selectFrom('registrations')
    .select((eb) => [sealedBy('payload').as('k'), eb.fn.countAll().as('n')])
    .groupBy(sealedBy('payload'))
    .execute()
  const lookups = await db
    .selectFrom('registrations')
    .select((eb) => ['lookup_key as k', eb.fn.countAll().as('n')])
    .groupBy('lookup_key')
    .execute()
  const events = await db
    .selectFrom('registration_events')
    .where('detail', 'is not', null)
    .select((eb) => [sealedBy('detail').as('k'), eb.fn.countAll().as('n')])
    .groupBy(sealedBy('detail'))
    .execute()
  const columns: Record<string, Record<string, number>> = {}
  for (const c of SEALED_COLUMNS) columns[columnName(c)] = await columnUsage(db as unknown as AnyDb, c)
  return {
    records: tally(records),
    lookups: tally(lookups),
    events: tally(events),
    visits: await visitKeyUsage(db),
    transfers: await transferKeyUsage(db),
    columns,
  }
}

/** Rows not yet under the current keys (0 everywhere: the old keys may be removed). */
export function remaining(
  usage: KeyUsage,
  vault: Vault,
): { records: number; lookups: number; events: number; visits: number; transfers: number; columns: number } {
  const others = (t: Record<string, number>, current: string) =>
    Object.entries(t)
      .filter(([k]) => k !== current)
      .reduce((n, [, c]) => n + c, 0)
  return {
    records: others(usage.records, vault.dataKeyIds[0]),
    lookups: others(usage.lookups, vault.indexKeyIds[0]),
    events: others(usage.events, vault.dataKeyIds[0]),
    visits: others(usage.visits, vault.dataKeyIds[0]),
    columns: Object.values(usage.columns).reduce((n, t) => n + others(t, vault.dataKeyIds[0]), 0),
    transfers: others(usage.transfers, vault.dataKeyIds[0]),
  }
}

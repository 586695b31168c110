/**
 * The sealed columns of the smaller tables, which key rotation re-seals one value at a time (registrations and
 * their events, which carry versions and lookup hashes, have their own passes in rotation.ts). Each names the
 * row's key and how a value is bound to its row (the vault's associated data), exactly as the code that
 * writes it does: a new sealed column is added here, or a key rotation would leave it under the old key and
 * removing that key would make it unreadable.
 */
import { sql, type Kysely } from 'kysely'
import type { Vault } from '../vault'

export interface SealedColumn {
  table: string
  key: string
  column: string
  aad: (key: string) => string
}

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  // 待复核 (services/recheck.ts).
  { table: 'review_flags', key: 'registration_id', column: 'detail', aad: (k) => `flag:${k}` },
  // The words of a WeChat message (services/notifications.ts).
  { table: 'wechat_messages', key: 'id', column: 'payload', aad: (k) => `wechat-message:${k}` },
  // Reports of a child at risk and the workers' words on them (services/reports.ts).
  { table: 'reports', key: 'id', column: 'payload', aad: (k) => `report:${k}` },
  { table: 'report_actions', key: 'id', column: 'detail', aad: (k) => `report-action:${k}` },
]

export const columnName = (c: SealedColumn) => `${c.table}.${c.column}`

export interface ColumnReport {
  rewritten: number
  changedMeanwhile: number
}

/** The columns named here are reached by name: any table of text columns. */
export type AnyDb = Kysely<Record<string, Record<string, string | null>>>

function stale(db: AnyDb, c: SealedColumn, prefix: string) {
  return db
    .selectFrom(c.table)
    .where(c.column, 'is not', null)
    .where(sql<string>`substr(${sql.ref(c.column)}, 1, ${prefix.length})`, '!=', prefix)
}

/**
 * Re-seals one column's values not under the current data key, in key order and batches; a value changed by
 * the server in between (already under the current key) is left alone.
 */
export async function resealColumn(
  db: AnyDb,
  vault: Vault,
  c: SealedColumn,
  opts: { batchSize: number; pause: () => Promise<void>; onProgress?: (done: number) => void },
): Promise<ColumnReport> {
  const report: ColumnReport = { rewritten: 0, changedMeanwhile: 0 }
  const prefix = `v2.${vault.dataKeyIds[0]}.`
  let after = ''
  for (let done = 0; ;) {
    const rows = (await stale(db, c, prefix)
      .select([`${c.key} as k`, `${c.column} as v`])
      .where(c.key, '>', after)
      .orderBy(c.key)
      .limit(opts.batchSize)
      .execute()) as { k: string; v: string }[]
    if (rows.length === 0) break
    after = rows[rows.length - 1]!.k
    const changes = rows.map((r) => ({ r, v: vault.seal(vault.open(r.v, c.aad(r.k)), c.aad(r.k)) }))
    await db.transaction().execute(async (trx) => {
      for (const { r, v } of changes) {
        const res = await trx
          .updateTable(c.table)
          .set({ [c.column]: v })
          .where(c.key, '=', r.k)
          .where(c.column, '=', r.v)
          .executeTakeFirst()
        if (Number(res.numUpdatedRows) === 1) report.rewritten++
        else report.changedMeanwhile++
      }
    })
    done += rows.length
    opts.onProgress?.(done)
    await opts.pause()
  }
  return report
}

/** How many values of the column each data key sealed ('v1': before key ids). */
export async function columnUsage(db: AnyDb, c: SealedColumn): Promise<Record<string, number>> {
  const sealedBy = sql<string>`case when ${sql.ref(c.column)} like 'v2.%' then substr(${sql.ref(c.column)}, 4, 8) else 'v1' end`
  const rows = (await db
    .selectFrom(c.table)
    .where(c.column, 'is not', null)
    .select((eb) => [sealedBy.as('k'), eb.fn.countAll().as('n')])
    .groupBy(sealedBy)
    .execute()) as { k: string; n: unknown }[]
  return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]))
}

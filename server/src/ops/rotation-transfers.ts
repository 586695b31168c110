/**
 * Key rotation for the transfers' sealed detail (migration 011: the new address, the note, a decline's
 * reason), the same way as records and events (rotation.ts): in batches, each row rewritten only if it is
 * still what was read, the rows still to do read from the key id in `v2.<id>.`, so a stopped run resumes.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/types'
import type { Vault } from '../vault'

type Db = Kysely<Database>

function stale(db: Db, vault: Vault) {
  const prefix = `v2.${vault.dataKeyIds[0]}.`
  return db
    .selectFrom('transfers')
    .where('detail', 'is not', null)
    .where(sql<string>`substr(detail, 1, ${prefix.length})`, '!=', prefix)
}

export async function reencryptTransfers(
  db: Db,
  vault: Vault,
  batchSize: number,
): Promise<{ rewritten: number; changedMeanwhile: number }> {
  const report = { rewritten: 0, changedMeanwhile: 0 }
  let after = ''
  for (;;) {
    const rows = await stale(db, vault).select(['id', 'detail']).where('id', '>', after).orderBy('id').limit(batchSize).execute()
    if (rows.length === 0) return report
    after = rows[rows.length - 1]!.id
    const changes = rows.map((r) => ({ r, detail: vault.seal(vault.open(r.detail!, `transfer:${r.id}`), `transfer:${r.id}`) }))
    await db.transaction().execute(async (trx) => {
      for (const { r, detail } of changes) {
        const res = await trx
          .updateTable('transfers')
          .set({ detail })
          .where('id', '=', r.id)
          .where('detail', '=', r.detail)
          .executeTakeFirst()
        if (Number(res.numUpdatedRows) === 1) report.rewritten++
        else report.changedMeanwhile++
      }
    })
  }
}

/** Transfers' details by data key ('v1': none are; kept for the same shape as the others). */
export async function transferKeyUsage(db: Db): Promise<Record<string, number>> {
  const sealedBy = sql<string>`case when detail like 'v2.%' then substr(detail, 4, 8) else 'v1' end`
  const rows = await db
    .selectFrom('transfers')
    .where('detail', 'is not', null)
    .select((eb) => [sealedBy.as('k'), eb.fn.countAll().as('n')])
    .groupBy(sealedBy)
    .execute()
  return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]))
}

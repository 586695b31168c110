/**
 * Key rotation for the visits table (migration 008): each visit's sealed findings re-sealed under the current
 * data key, in batches, each its own short transaction, a row rewritten only if it is still what was read.
 * Resumable like the rest of rotation.ts: which rows need work is read from the key id in the ciphertext.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/types'
import { visitAad } from '../services/visits'
import type { Vault } from '../vault'

type Db = Kysely<Database>
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function stale(db: Db, vault: Vault) {
  const prefix = `v2.${vault.dataKeyIds[0]}.`
  return db.selectFrom('visits').where(sql<string>`substr(detail, 1, ${prefix.length})`, '!=', prefix)
}

export async function reencryptVisits(
  db: Db,
  vault: Vault,
  opts: { batchSize?: number; pauseMs?: number; onProgress?: (done: number, total: number) => void },
): Promise<{ rewritten: number; changedMeanwhile: number }> {
  const report = { rewritten: 0, changedMeanwhile: 0 }
  let total = Number(
    (
      await stale(db, vault)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  )
  let cursor = { id: '', version: 0 }
  for (let done = 0; ;) {
    const rows = await stale(db, vault)
      .select(['registration_id', 'version', 'detail'])
      .where((eb) =>
        eb.or([eb('registration_id', '>', cursor.id), eb.and([eb('registration_id', '=', cursor.id), eb('version', '>', cursor.version)])]),
      )
      .orderBy('registration_id')
      .orderBy('version')
      .limit(opts.batchSize ?? 200)
      .execute()
    if (rows.length === 0) break
    const last = rows[rows.length - 1]
    cursor = { id: last.registration_id, version: last.version }
    const changes = rows.map((v) => {
      const aad = visitAad(v.registration_id, v.version)
      return { v, detail: vault.seal(vault.open(v.detail, aad), aad) }
    })
    await db.transaction().execute(async (trx) => {
      for (const { v, detail } of changes) {
        const res = await trx
          .updateTable('visits')
          .set({ detail })
          .where('registration_id', '=', v.registration_id)
          .where('version', '=', v.version)
          .where('detail', '=', v.detail)
          .executeTakeFirst()
        if (Number(res.numUpdatedRows) === 1) report.rewritten++
        else report.changedMeanwhile++
      }
    })
    done += rows.length
    total = Math.max(total, done)
    opts.onProgress?.(done, total)
    if (opts.pauseMs) await sleep(opts.pauseMs)
  }
  return report
}

/** Visits by the data key of their sealed findings. */
export async function visitKeyUsage(db: Db): Promise<Record<string, number>> {
  const sealedBy = sql<string>`case when detail like 'v2.%' then substr(detail, 4, 8) else 'v1' end`
  const rows = await db
    .selectFrom('visits')
    .select((eb) => [sealedBy.as('k'), eb.fn.countAll().as('n')])
    .groupBy(sealedBy)
    .execute()
  return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]))
}

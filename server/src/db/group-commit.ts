/**
 * Write transactions, and on SQLite group commit: the writes that arrive while one commit is being made wait,
 * then run one after another inside the next transaction, each in a savepoint of its own, and share its
 * COMMIT — one WAL fsync (synchronous = FULL) for the whole group instead of one per request. The technique is
 * the database's classic group commit (PostgreSQL's commit_delay, InnoDB's binlog group commit), done here in
 * the one process that holds SQLite's single writer connection.
 *  - Nothing is answered before the commit that holds it: every item's promise settles after COMMIT returns,
 *    so an acknowledged write is on disk exactly as with a transaction of its own.
 *  - A failing item fails alone: its savepoint is rolled back and its error is kept; the others commit.
 *    Its error is also only given after the commit (it may rest on what earlier items of the group wrote).
 *  - If the COMMIT itself fails (disk full, I/O error), or the transaction is lost to an error that SQLite
 *    answers by rolling everything back, every item of the group fails: nothing of it was acknowledged.
 * Work runs on the transaction it is given (SQLite has one connection, which the group holds); calling
 * app.db inside it would wait for itself. PostgreSQL commits concurrently on its pool: one transaction each.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from './types'

export type Work<T> = (trx: Transaction<Database>) => Promise<T>

export interface Writer {
  /** Runs `work` in a write transaction; resolves (or rejects) once the transaction holding it has committed. */
  run<T>(work: Work<T>): Promise<T>
}

/** How many writes one commit takes at most: bounds the time the first of them waits for the last. */
const MAX_GROUP = 128

interface Item {
  work: Work<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

/** One transaction per call (PostgreSQL). */
export function transactionPerWrite(db: Kysely<Database>): Writer {
  return { run: (work) => db.transaction().execute(work) }
}

/** Group commit over a database with one writer connection (SQLite). `onCommit` hears each group's size. */
export function groupCommit(db: Kysely<Database>, onCommit?: (size: number) => void): Writer {
  const waiting: Item[] = []
  let busy = false

  async function commitGroup(group: Item[]): Promise<Outcome[]> {
    const trx = await db.startTransaction().execute()
    const outcomes: Outcome[] = []
    try {
      for (const item of group) {
        const point = await trx.savepoint('item').execute()
        try {
          const value = await item.work(point)
          await point.releaseSavepoint('item').execute()
          outcomes.push({ ok: true, value })
        } catch (error) {
          // If SQLite already rolled the whole transaction back, this throws and the group fails below.
          await point.rollbackToSavepoint('item').execute()
          await point.releaseSavepoint('item').execute()
          outcomes.push({ ok: false, error })
        }
      }
      await trx.commit().execute()
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined) // nothing to roll back when SQLite already did
      throw error
    }
    return outcomes
  }

  async function drain() {
    busy = true
    try {
      while (waiting.length) {
        const group = waiting.splice(0, MAX_GROUP)
        let outcomes: Outcome[]
        try {
          outcomes = await commitGroup(group)
        } catch (error) {
          for (const item of group) item.reject(error)
          continue
        }
        onCommit?.(group.length)
        group.forEach((item, i) => {
          const o = outcomes[i]
          if (o.ok) item.resolve(o.value)
          else item.reject(o.error)
        })
      }
    } finally {
      busy = false
    }
  }

  return {
    run<T>(work: Work<T>) {
      return new Promise<T>((resolve, reject) => {
        waiting.push({ work, resolve: resolve as (v: unknown) => void, reject })
        // The first write after a quiet spell starts a group on the next turn of the event loop, so that the
        // writes of the same turn join it; while a group commits, newcomers wait and form the next one.
        if (!busy) {
          busy = true
          setImmediate(() => void drain())
        }
      })
    },
  }
}

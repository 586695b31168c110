/**
 * The database as `app.db` (Kysely), migrated to the latest schema before the first request, and
 * `app.transact(work)`: a write transaction that on SQLite shares its commit with concurrent writes
 * (../db/group-commit.ts). With metrics on, each commit's group size goes to hutong_commit_group_size.
 */
import client from '@platformatic/prom-client'
import fp from 'fastify-plugin'
import type { Kysely, KyselyPlugin } from 'kysely'
import { connect, type Db, type Dialect } from '../db/connect'
import { groupCommit, transactionPerWrite, type Work } from '../db/group-commit'
import { migrateToLatest } from '../db/migrate'
import type { Database } from '../db/types'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>
    dialect: Dialect
    /** Runs `work` in a write transaction; settles only after the commit that holds it. */
    transact<T>(work: Work<T>): Promise<T>
  }
}

export interface DbPluginOptions {
  dataDir: string
  databaseUrl?: string
  /** An already opened database (tests, CLI); the app then leaves closing it to the caller. */
  db?: Db
  /** Kysely plugins every query of the app goes through (the metrics' query timer). */
  plugins?: KyselyPlugin[]
  /** false: one commit per write on SQLite too (the benchmark's "before"). */
  groupCommit?: boolean
}

export default fp<DbPluginOptions>(
  async (app, opts) => {
    const owned = !opts.db
    const handle = opts.db ?? connect({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl })
    await migrateToLatest(handle.db)
    const db = (opts.plugins ?? []).reduce((d, plugin) => d.withPlugin(plugin), handle.db)
    app.decorate('db', db)
    app.decorate('dialect', handle.dialect)
    const groupSize = app.metricsRegistry
      ? new client.Histogram({
          name: 'hutong_commit_group_size',
          help: 'Writes committed together in one SQLite transaction (one fsync)',
          buckets: [1, 2, 4, 8, 16, 32, 64, 128],
          registers: [app.metricsRegistry],
        })
      : undefined
    const writer =
      handle.dialect === 'sqlite' && opts.groupCommit !== false ? groupCommit(db, (n) => groupSize?.observe(n)) : transactionPerWrite(db)
    app.decorate('transact', writer.run)
    if (owned) app.addHook('onClose', async () => handle.db.destroy())
  },
  { name: 'db', dependencies: ['metrics'] },
)

/** The database as `app.db` (Kysely), migrated to the latest schema before the first request. */
import fp from 'fastify-plugin'
import type { Kysely, KyselyPlugin } from 'kysely'
import { connect, type Db, type Dialect } from '../db/connect'
import { migrateToLatest } from '../db/migrate'
import type { Database } from '../db/types'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>
    dialect: Dialect
  }
}

export interface DbPluginOptions {
  dataDir: string
  databaseUrl?: string
  /** An already opened database (tests, CLI); the app then leaves closing it to the caller. */
  db?: Db
  /** Kysely plugins every query of the app goes through (the metrics' query timer). */
  plugins?: KyselyPlugin[]
}

export default fp<DbPluginOptions>(
  async (app, opts) => {
    const owned = !opts.db
    const handle = opts.db ?? connect({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl })
    await migrateToLatest(handle.db)
    app.decorate(
      'db',
      (opts.plugins ?? []).reduce((db, plugin) => db.withPlugin(plugin), handle.db),
    )
    app.decorate('dialect', handle.dialect)
    if (owned) app.addHook('onClose', async () => handle.db.destroy())
  },
  { name: 'db' },
)

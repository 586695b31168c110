/**
 * Opens the database: SQLite (better-sqlite3) in DATA_DIR by default, PostgreSQL (pg Pool) when a URL is
 * given. The rest of the server sees one Kysely<Database> and writes portable queries against it.
 */
import { chmodSync, existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { CompiledQuery, Kysely, sql, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely'
import pg from 'pg'
import type { Database } from './types'

export type Dialect = 'sqlite' | 'postgres'

export interface Db {
  db: Kysely<Database>
  dialect: Dialect
  /** The SQLite file, for tests that read its bytes. */
  file?: string
}

/**
 * `BEGIN IMMEDIATE` instead of Kysely's plain `BEGIN`: a write transaction takes the write lock when it
 * starts, so two processes sharing one file never both read, then both try to upgrade to writing and one
 * fails with SQLITE_BUSY mid-transaction; the second one waits (busy_timeout) and then sees the first's row.
 */
class ImmediateDriver extends SqliteDriver {
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SQLite.Database) {
    super({ database })
  }
  createDriver(): Driver {
    return new ImmediateDriver({ database: this.database })
  }
}

/** Kysely prepares every query anew; better-sqlite3 statements are reusable, so keep them by SQL text. */
function withStatementCache(raw: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>()
  return new Proxy(raw, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (sql: string) => {
          let stmt = cache.get(sql)
          if (!stmt) {
            stmt = target.prepare(sql)
            if (cache.size > 500) cache.clear()
            cache.set(sql, stmt)
          }
          return stmt
        }
      }
      const value = Reflect.get(target, prop)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** The database file and its journal readable by this user alone, however they were made before. */
function makePrivate(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path) && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600)
  }
}

export function openSqlite(file: string): SQLite.Database {
  const raw = new SQLite(file)
  // Before the first write: SQLite creates the -wal and -shm files with the database file's permissions.
  if (!raw.memory) makePrivate(file)
  raw.pragma('journal_mode = WAL')
  // FULL, not WAL's usual NORMAL: with NORMAL a commit is acknowledged before the WAL is fsynced, so a
  // power loss can drop the last acknowledged submissions. FULL fsyncs the WAL on every commit: once the
  // server has answered 200/201, the registration is on disk (a kill -9 alone loses nothing even with
  // NORMAL; a machine crash would). Registrations are few and precious; the fsync costs little here.
  raw.pragma('synchronous = FULL')
  raw.pragma('busy_timeout = 10000')
  raw.pragma('foreign_keys = ON')
  return raw
}

export function connect(opts: { dataDir: string; databaseUrl?: string; poolMax?: number }): Db {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolMax ?? 10 })
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' }
  }
  const file = join(opts.dataDir, 'hutong.sqlite')
  const raw = withStatementCache(openSqlite(file))
  return { db: new Kysely<Database>({ dialect: new ImmediateSqliteDialect(raw) }), dialect: 'sqlite', file }
}

/** COUNT and SUM come back as strings from pg (bigint/numeric) and as numbers from SQLite. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v))

/** Whether the database answers a trivial query (readiness). */
export async function ping(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}

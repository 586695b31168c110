/**
 * A database for a drill's server process: a temporary DATA_DIR (SQLite file and development keys) and, on
 * PostgreSQL, a schema of its own. The drill reads the database directly — not through the server it is
 * testing — to count rows and check that what was acknowledged is really there.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { connect } from '../../../server/src/db/connect'
import { addWorker } from '../../../server/src/db/users'
import { hashPassword } from '../../../server/src/passwords'
import type { Role } from '../../../src/domain/status'
import { PG_URL, schemaUrl, type Backend } from '../../server/helpers'

export interface DrillDatabase {
  backend: Backend
  dataDir: string
  databaseUrl?: string
  /** Rows of a query, straight from the database (SQLite: read-only connection; `?` placeholders on both). */
  rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]>
  count(table: 'registrations' | 'registration_events' | 'audit_log' | 'users' | 'reports'): Promise<number>
  /** The HS256 secret the server generated into DATA_DIR (to forge and expire tokens). */
  jwtSecret(): Buffer
  /** A worker account written straight into the database, as the CLI would (the server must have migrated). */
  addWorker(username: string, role: Exclude<Role, 'guardian'>, region: string | null, password: string): Promise<void>
  /** Locks an account out, as `server:user disable` does. */
  disableWorker(username: string): Promise<void>
  drop(): Promise<void>
}

export async function drillDatabase(backend: Backend): Promise<DrillDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hutong-drill-'))
  let schema: string | undefined
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: PG_URL })
    await c.connect()
    try {
      await c.query(sql)
    } finally {
      await c.end()
    }
  }
  if (backend === 'postgres') {
    schema = `d_${randomBytes(6).toString('hex')}`
    await admin(`create schema ${schema}`)
  }
  const databaseUrl = schema ? schemaUrl(PG_URL!, schema) : undefined

  async function rows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
    if (!databaseUrl) {
      const db = new SQLite(join(dataDir, 'hutong.sqlite'), { readonly: true })
      try {
        return db.prepare(sql).all(...params) as T[]
      } finally {
        db.close()
      }
    }
    const c = new pg.Client({ connectionString: databaseUrl })
    await c.connect()
    try {
      let n = 0
      return (
        await c.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows as T[]
    } finally {
      await c.end()
    }
  }

  /** A read-write connection for one change, closed again (the server process holds its own). */
  async function withDb(change: (db: ReturnType<typeof connect>['db']) => Promise<unknown>) {
    const handle = connect({ dataDir, databaseUrl })
    try {
      await change(handle.db)
    } finally {
      await handle.db.destroy()
    }
  }

  return {
    backend,
    dataDir,
    databaseUrl,
    rows,
    async count(table) {
      const [row] = await rows<{ n: number | string }>(`select count(*) as n from ${table}`)
      return Number(row.n)
    },
    jwtSecret: () => Buffer.from(readFileSync(join(dataDir, 'dev-jwt-secret'), 'utf8').trim(), 'base64'),
    async addWorker(username, role, region, password) {
      const passwordHash = await hashPassword(password)
      await withDb((db) => addWorker(db, { username, passwordHash, role, regionCode: region as string }))
    },
    disableWorker: (username) => withDb((db) => db.updateTable('users').set({ disabled: 1 }).where('username', '=', username).execute()),
    async drop() {
      if (schema) await admin(`drop schema ${schema} cascade`)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

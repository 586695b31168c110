/**
 * Runs the numbered migrations (Kysely's Migrator keeps the list of applied ones in the database).
 * The list is static, not read from the folder: the same code runs under tsx, jest and a bundler.
 */
import { Migrator, PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import * as m001 from './migrations/001_initial'
import * as m002 from './migrations/002_review_request_id'
import * as m003 from './migrations/003_lookup_key'
import * as m004 from './migrations/004_wechat'
import * as m005 from './migrations/005_accounts'
import * as m006 from './migrations/006_registration_counts'
import * as m007 from './migrations/007_review_flags'
import * as m008 from './migrations/008_visits'
import * as m009 from './migrations/009_reports'
import * as m010 from './migrations/010_quarterly_updates'
import * as m011 from './migrations/011_transfers'

const MIGRATIONS: Record<string, Migration> = {
  '001_initial': m001,
  '002_review_request_id': m002,
  '003_lookup_key': m003,
  '004_wechat': m004,
  '005_accounts': m005,
  '006_registration_counts': m006,
  '007_review_flags': m007,
  '008_visits': m008,
  '009_reports': m009,
  '010_quarterly_updates': m010,
  '011_transfers': m011,
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS }

/**
 * On PostgreSQL, Kysely's migrator looks for its own two tables in every schema the user can see unless it is
 * told which schema is its own: with another schema of the same database holding them (another deployment, a
 * test run), it took them for its own, skipped creating them and failed. It is given the current schema.
 */
async function ownSchema(db: Kysely<any>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined
  return (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const schema = await ownSchema(db)
  // Numbers are handed out per piece of work and land in any order: a database that already ran 005 still
  // runs a 004 that arrives later (each migration touches its own columns).
  const { error, results } = await new Migrator({
    db,
    provider,
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  }).migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`数据库迁移失败：${failed?.migrationName ?? ''} ${error instanceof Error ? error.message : String(error ?? '')}`)
  }
}

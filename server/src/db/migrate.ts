/**
 * Runs the numbered migrations (Kysely's Migrator keeps the list of applied ones in the database).
 * The list is static, not read from the folder: the same code runs under tsx, jest and a bundler.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import * as m001 from './migrations/001_initial'
import * as m002 from './migrations/002_review_request_id'
import * as m003 from './migrations/003_lookup_key'

const MIGRATIONS: Record<string, Migration> = {
  '001_initial': m001,
  '002_review_request_id': m002,
  '003_lookup_key': m003,
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS }

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`数据库迁移失败：${failed?.migrationName ?? ''} ${error instanceof Error ? error.message : String(error ?? '')}`)
  }
}

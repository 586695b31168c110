/**
 * Which index key (HUTONG_INDEX_KEY, by its key id) a registration's three lookup hashes were made with, so
 * that after a rotation `npm run server:reencrypt` can find the rows still hashed under an old key. NULL for
 * rows written before this column: hashed under whatever key was the only one then.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('registrations').addColumn('lookup_key', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('registrations').dropColumn('lookup_key').execute()
}

/**
 * 待复核: the daily re-check's findings (docs/lifecycle.md, "The daily re-check"). One row per registration
 * whose confirmed categories no longer hold by today's rules. Only what a list filters on is plaintext (the
 * village, for region ranges; whether the worker has dismissed it); the lost categories, the day found and the
 * reasons — which would give away a birthday or a release date — are sealed in `detail`, bound to the row.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review_flags')
    .addColumn('registration_id', 'text', (c) => c.primaryKey().references('registrations.id'))
    .addColumn('village_code', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    /** The category codes found lost, sorted and comma-joined: a new loss re-opens a dismissed flag. */
    .addColumn('lost', 'text', (c) => c.notNull())
    .addColumn('dismissed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('review_flags_region').on('review_flags').columns(['village_code', 'dismissed', 'registration_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_flags').execute()
}

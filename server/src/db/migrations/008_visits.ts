/**
 * Monthly home visits (docs/lifecycle.md, "Monthly visits"): one row per visit recorded (the review action
 * `record_visit`), written in the transaction of its history event and keyed like it. Plaintext is only what
 * the lists filter and count on — the village (region ranges), the month, the day, who visited and how; what
 * the worker found and wrote about the child is sealed in `detail`, bound to the row.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('visits')
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id'))
    /** The version of the record's history event that recorded the visit. */
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('village_code', 'text', (c) => c.notNull())
    /** 'YYYY-MM' of the visit's date (the day the worker went, in China). */
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('visits_pk', ['registration_id', 'version'])
    .execute()
  await db.schema.createIndex('visits_region_month').on('visits').columns(['village_code', 'month', 'registration_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('visits').execute()
}

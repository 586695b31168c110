/**
 * 迁移 (docs/lifecycle.md, "Transfers"): one row per move a village worker (or a guardian's change of 现住址)
 * starts. Plaintext only what lists filter on — the two villages (region ranges on either side), the state,
 * who started it and when; the new address, the note and a decline's reason are sealed in `detail`. At most
 * one open (pending) transfer per registration, held by a partial unique index on both databases.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id'))
    .addColumn('from_village', 'text', (c) => c.notNull())
    .addColumn('to_village', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('initiator_id', 'text', (c) => c.notNull())
    .addColumn('initiator_role', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .execute()
  await db.schema.createIndex('transfers_to').on('transfers').columns(['to_village', 'state', 'created_at']).execute()
  await db.schema.createIndex('transfers_from').on('transfers').columns(['from_village', 'state', 'created_at']).execute()
  await sql`create unique index transfers_one_open on transfers (registration_id) where state = 'pending'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('transfers').execute()
}

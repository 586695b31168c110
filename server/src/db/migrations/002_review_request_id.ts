/**
 * A review action sent from a phone's outbox carries the phone's id for it (`requestId`), so a resend
 * after a lost answer is recognised and not applied twice (a home visit recorded once, not twice).
 * Unique per registration; NULL for actions sent without one (both SQLite and PostgreSQL let NULLs repeat).
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('registration_events').addColumn('request_id', 'text').execute()
  await db.schema
    .createIndex('registration_events_request')
    .unique()
    .on('registration_events')
    .columns(['registration_id', 'request_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('registration_events_request').execute()
  await db.schema.alterTable('registration_events').dropColumn('request_id').execute()
}

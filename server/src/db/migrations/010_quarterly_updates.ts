/**
 * 动态更新 (docs/lifecycle.md, "Quarterly updates"): the guardian's answer for each confirmed record and quarter,
 * "没有变化" or a change sent for review. Nothing here describes a child: ids, the quarter, the answer, the version
 * it produced and the hash of the version sent (what makes a resend of the same change a replay). The change
 * itself — and the approved record a return restores — are in the sealed detail of its history event.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('quarterly_updates')
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id'))
    /** 'YYYYQn' of the day in China (src/domain/quarterly.ts). */
    .addColumn('quarter', 'text', (c) => c.notNull())
    /** 'unchanged' | 'changed' */
    .addColumn('answer', 'text', (c) => c.notNull())
    /** The record's version after the answer (a change makes a new one; "没有变化" names the one confirmed). */
    .addColumn('version', 'integer', (c) => c.notNull())
    /** A change: the canonical hash of the version sent. */
    .addColumn('content_hash', 'text')
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('quarterly_updates_pk', ['registration_id', 'quarter'])
    .execute()
  // Completion of a quarter: every answer of one quarter, joined to the region's records by id.
  await db.schema
    .createIndex('quarterly_updates_quarter')
    .on('quarterly_updates')
    .columns(['quarter', 'registration_id', 'answer'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('quarterly_updates').execute()
}

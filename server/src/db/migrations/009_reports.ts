/**
 * 强制报告/发现报告 (docs/lifecycle.md, "Reports of a child at risk"). Only what lists filter and sort on is
 * plaintext: the village (region ranges), whether the report is open, and the clock's times. What the reporter
 * wrote — the worry, what they saw, who they are, their phone — is sealed in `payload`, bound to the report's
 * id; a worker's words on an action are sealed in `report_actions.detail`, bound to the action's id.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reporter_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('village_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    /** Canonical hash of what was sent: a resend with the same id and content is the same report. */
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    /** The 24-hour first-contact clock: due time, and the first action that stopped it. */
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('first_action_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('reports_region').on('reports').columns(['village_code', 'status', 'created_at']).execute()
  await db.schema.createIndex('reports_reporter').on('reports').columns(['reporter_id', 'created_at']).execute()

  await db.schema
    .createTable('report_actions')
    /** The phone's request id when it sent one: a resent action is found, not recorded again. */
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('registration_id', 'text')
    .execute()
  await db.schema.createIndex('report_actions_report').on('report_actions').columns(['report_id', 'at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_actions').execute()
  await db.schema.dropTable('reports').execute()
}

/**
 * Accounts managed from the worker app (docs/accounts.md):
 * - `token_version`: every token carries the version it was issued under; changing or resetting the
 *   password, disabling the account or changing its region or role adds one, which ends every session at once.
 * - `must_change_password`: 1 for a one-time password (import, reset) until its owner sets their own.
 * - `phone`: the worker's mobile number from the import sheet (unique, so one person has one account).
 * - `created_by`: the administrator who made the account (NULL: the command line or the demo seed).
 * An index on the audit log's (target_type, target_id, at) reads one record's accesses in order.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('users').addColumn('phone', 'text').execute()
  await db.schema.alterTable('users').addColumn('created_by', 'text').execute()
  await db.schema.createIndex('users_phone').unique().on('users').column('phone').execute()
  await db.schema.createIndex('users_region').on('users').columns(['kind', 'region_code']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_region').execute()
  await db.schema.dropIndex('users_phone').execute()
  for (const column of ['created_by', 'phone', 'must_change_password', 'token_version'])
    await db.schema.alterTable('users').dropColumn(column).execute()
}

/**
 * The first schema. Portable on purpose (text and integer columns, no dialect types, no autoincrement):
 * one migration serves SQLite and PostgreSQL. Migrations are numbered and never edited once released;
 * a change is a new file 002_….ts listed in ../migrate.ts.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.unique())
    .addColumn('openid', 'text', (c) => c.unique())
    .addColumn('display_name', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('village_code', 'text', (c) => c.notNull())
    .addColumn('cat_left_behind', 'integer', (c) => c.notNull())
    .addColumn('cat_difficulty', 'integer', (c) => c.notNull())
    .addColumn('cat_de_facto_unsupported', 'integer', (c) => c.notNull())
    .addColumn('cat_orphan', 'integer', (c) => c.notNull())
    .addColumn('id_hmac', 'text')
    .addColumn('person_hmac', 'text', (c) => c.notNull())
    .addColumn('name_hmac', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // Region scoping is `village_code BETWEEN lo AND hi` (prefix padded with 0s and 9s): a plain B-tree range
  // in both databases, whatever the collation (LIKE 'prefix%' would need text_pattern_ops in PostgreSQL).
  // Status and updated_at follow so that a region's queue of one status is read in order; the category
  // flags at the end make the counts by status × category index-only (no table reads at 300,000 rows).
  await db.schema
    .createIndex('registrations_region')
    .on('registrations')
    .columns(['village_code', 'status', 'updated_at', 'id', 'cat_left_behind', 'cat_difficulty', 'cat_de_facto_unsupported', 'cat_orphan'])
    .execute()
  await db.schema.createIndex('registrations_owner').on('registrations').columns(['owner_id', 'updated_at']).execute()
  await db.schema.createIndex('registrations_id_hmac').on('registrations').column('id_hmac').execute()
  await db.schema.createIndex('registrations_person_hmac').on('registrations').column('person_hmac').execute()
  await db.schema.createIndex('registrations_name_hmac').on('registrations').column('name_hmac').execute()

  await db.schema
    .createTable('registration_events')
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('registration_events_pk', ['registration_id', 'version'])
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('region_code', 'text')
    .addColumn('ip', 'text')
    .addColumn('detail', 'text')
    .execute()
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute()
  await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_id', 'at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_log', 'registration_events', 'registrations', 'users']) await db.schema.dropTable(table).execute()
}

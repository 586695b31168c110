/**
 * WeChat (docs/wechat.md): the guardian's subscription acceptances, each one credit for one status message
 * (WeChat's one-time subscriptions); the durable queue of status messages, each row kept with what became
 * of it (sent, refused by WeChat, no credit, no WeChat user); and the device credentials the server issues
 * to H5 browsers (a hash of the secret, never the secret).
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('wechat_credits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by', 'text')
    .execute()
  await db.schema.createIndex('wechat_credits_user').on('wechat_credits').columns(['user_id', 'template_id', 'used_at']).execute()

  await db.schema
    .createTable('wechat_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('registration_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute()
  await db.schema.createIndex('wechat_messages_due').on('wechat_messages').columns(['state', 'next_attempt_at']).execute()
  // One message per status change: a replayed review action cannot queue a second.
  await db.schema.createIndex('wechat_messages_event').unique().on('wechat_messages').columns(['registration_id', 'version']).execute()

  await db.schema
    .createTable('device_credentials')
    .addColumn('secret_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('device_credentials').execute()
  await db.schema.dropTable('wechat_messages').execute()
  await db.schema.dropTable('wechat_credits').execute()
}

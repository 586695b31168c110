/** The WeChat tables of migration 004: credits (subscription acceptances), the message queue, device credentials. */
import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import { now } from '../clock'
import type { Database, WechatMessageState, WechatMessagesTable } from './types'

type Ex = Kysely<Database>
export type MessageRow = Selectable<WechatMessagesTable>

export async function addCredits(ex: Ex, userId: string, templateId: string, n: number): Promise<void> {
  if (n <= 0) return
  const at = now()
  const rows = Array.from({ length: n }, () => ({
    id: randomUUID(),
    user_id: userId,
    template_id: templateId,
    created_at: at,
    used_at: null,
    used_by: null,
  }))
  await ex.insertInto('wechat_credits').values(rows).execute()
}

export async function unusedCredits(ex: Ex, userId: string, templateId: string): Promise<number> {
  const row = await ex
    .selectFrom('wechat_credits')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('template_id', '=', templateId)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Marks the oldest unused credit as used by this message; false when there is none. */
export async function useCredit(ex: Ex, userId: string, templateId: string, messageId: string): Promise<boolean> {
  const credit = await ex
    .selectFrom('wechat_credits')
    .select('id')
    .where('user_id', '=', userId)
    .where('template_id', '=', templateId)
    .where('used_at', 'is', null)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst()
  if (!credit) return false
  const res = await ex
    .updateTable('wechat_credits')
    .set({ used_at: now(), used_by: messageId })
    .where('id', '=', credit.id)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export interface NewMessage {
  userId: string
  registrationId: string
  version: number
  templateId: string
  payload: string
}

export async function enqueueMessage(ex: Ex, m: NewMessage): Promise<string> {
  const at = now()
  const id = randomUUID()
  await ex
    .insertInto('wechat_messages')
    .values({
      id,
      user_id: m.userId,
      registration_id: m.registrationId,
      version: m.version,
      template_id: m.templateId,
      state: 'pending',
      payload: m.payload,
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      created_at: at,
      updated_at: at,
      sent_at: null,
    })
    .onConflict((oc) => oc.columns(['registration_id', 'version']).doNothing())
    .execute()
  return id
}

/** Pending messages whose time has come, oldest first. */
export function dueMessages(ex: Ex, limit: number): Promise<MessageRow[]> {
  return ex
    .selectFrom('wechat_messages')
    .selectAll()
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', now())
    .orderBy('created_at')
    .limit(limit)
    .execute()
}

export async function settleMessage(
  ex: Ex,
  id: string,
  state: Exclude<WechatMessageState, 'pending'>,
  lastError: string | null,
): Promise<void> {
  const at = now()
  await ex
    .updateTable('wechat_messages')
    .set((eb) => ({
      state,
      last_error: lastError,
      updated_at: at,
      sent_at: state === 'sent' ? at : null,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .execute()
}

export async function postponeMessage(ex: Ex, id: string, attempts: number, nextAt: string, lastError: string): Promise<void> {
  await ex
    .updateTable('wechat_messages')
    .set({ attempts, next_attempt_at: nextAt, last_error: lastError, updated_at: now() })
    .where('id', '=', id)
    .execute()
}

export async function pendingCount(ex: Ex): Promise<number> {
  const row = await ex
    .selectFrom('wechat_messages')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('state', '=', 'pending')
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

export function messagesOf(ex: Ex, registrationId: string): Promise<MessageRow[]> {
  return ex.selectFrom('wechat_messages').selectAll().where('registration_id', '=', registrationId).orderBy('version').execute()
}

export async function addDeviceCredential(ex: Ex, secretHash: string, userId: string): Promise<void> {
  const at = now()
  await ex.insertInto('device_credentials').values({ secret_hash: secretHash, user_id: userId, created_at: at, last_used_at: at }).execute()
}

export async function deviceUser(ex: Ex, secretHash: string): Promise<string | undefined> {
  const row = await ex.selectFrom('device_credentials').select('user_id').where('secret_hash', '=', secretHash).executeTakeFirst()
  if (!row) return undefined
  await ex.updateTable('device_credentials').set({ last_used_at: now() }).where('secret_hash', '=', secretHash).execute()
  return row.user_id
}

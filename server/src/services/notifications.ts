/**
 * Status messages to the guardian (WeChat subscribe messages, docs/wechat.md). A status change the guardian
 * should hear of queues one message in the review's own transaction (so it is never lost and never blocks:
 * the insert is all the review waits for); the sender (plugins/wechat.ts) sends the queue later, one credit
 * — one subscription the guardian accepted — per message, and records what became of each.
 *
 * The words carry no ID number and no full name: the child's name masked (陈*明), the status, a short note
 * (a worker's reason cut to WeChat's 20 characters, with digit runs and the child's name masked) and the time.
 */
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { maskName } from '../../../src/domain/mask'
import type { Registration } from '../../../src/domain/schema'
import { statusLabel, type Status } from '../../../src/domain/status'
import type { Actor } from '../actor'
import { nowMs } from '../clock'
import type { Database } from '../db/types'
import {
  addCredits,
  dueMessages,
  enqueueMessage,
  postponeMessage,
  settleMessage,
  unusedCredits,
  useCredit,
  type MessageRow,
} from '../db/wechat'
import { findUser } from '../db/users'
import { badRequest } from '../errors'
import { WechatApiError, WechatUnavailable, type SubscribeMessage } from '../wechat-api'

/** The changes a guardian hears of, and the note each carries when the worker wrote no reason. */
const NOTES: Partial<Record<Status, string | null>> = {
  returned: null,
  rejected: null,
  verified: '村里已核实，等乡镇审核',
  township_approved: '乡镇已审核，等县级确认',
  confirmed: '登记已完成',
  terminated: null,
}
/**
 * 已终止 in the guardian's words: why, in short, and the month support stops (“已满年龄，2031年4月起停止保障”).
 * 死亡 has none: no message is sent to a family for that (the worker tells them in person).
 */
const ENDED: Record<string, string | null> = {
  age: '已到年龄',
  guardianship_restored: '监护已恢复',
  moved_out: '已迁出本地',
  death: null,
  other: '情况有变化',
}
export interface Ended {
  reason: string
  supportStopsFrom: string
}

function endedNote(ended: Ended): string {
  const [y, m] = ended.supportStopsFrom.split('-').map(Number)
  return `${ENDED[ended.reason] ?? ENDED.other}，${y}年${m}月起停止保障`
}
/** WeChat's limit for a `thing` value. */
const THING_MAX = 20
/** Unused credits a guardian may hold: enough for every step of several registrations, not a flood. */
export const MAX_CREDITS = 50

export const RECORD_PAGE = 'register/record/index'

function brief(text: string, childName: string): string {
  let s = text.replace(/\s+/g, ' ').trim()
  if (childName) s = s.split(childName).join(maskName(childName))
  s = s.replace(/\d{6,}[\dXx]*/g, (d) => '*'.repeat(Math.min(d.length, 4)))
  const chars = Array.from(s)
  return chars.length <= THING_MAX ? s : `${chars.slice(0, THING_MAX - 1).join('')}…`
}

/** 2026-12-02 20:15 in China's time (UTC+8), WeChat's `time` format. */
function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}

export function statusMessageData(record: Registration, to: Status, reason: string | undefined, at: string, ended?: Ended) {
  const name = String(record.child?.name ?? '')
  const note = NOTES[to] ?? (ended ? endedNote(ended) : brief(reason ?? '', name))
  return {
    thing1: { value: brief(`${maskName(name) || '儿童'}的登记`, name) },
    phrase2: { value: statusLabel(to) },
    thing3: { value: note || statusLabel(to) },
    time4: { value: chinaTime(at) },
  }
}

/** In the review's transaction: queues the message this change calls for, if any and if messages are on. */
export async function queueStatusMessage(
  app: FastifyInstance,
  trx: Kysely<Database>,
  change: { id: string; ownerId: string; payload: string; version: number; to: Status; reason?: string; at: string; ended?: Ended },
): Promise<void> {
  const templateId = app.wechat?.templateId
  if (!templateId || !(change.to in NOTES)) return
  if (change.to === 'terminated' && (!change.ended || ENDED[change.ended.reason] === null)) return
  const record = app.vault.openJson<Registration>(change.payload, change.id)
  const message = {
    page: `${RECORD_PAGE}?id=${change.id}`,
    data: statusMessageData(record, change.to, change.reason, change.at, change.ended),
  }
  const id = `${change.id}#${change.version}`
  await enqueueMessage(trx, {
    userId: change.ownerId,
    registrationId: change.id,
    version: change.version,
    templateId,
    payload: app.vault.sealJson(message, `wechat-message:${id}`),
  })
}

/** POST /me/subscriptions: each accepted status template is one credit. Other template ids are ignored. */
export async function acceptSubscriptions(app: FastifyInstance, actor: Actor, accepted: string[]) {
  const templateId = app.wechat?.templateId
  const n = templateId ? accepted.filter((t) => t === templateId).length : 0
  if (accepted.length > 10) throw badRequest('一次最多报告10个订阅')
  if (!templateId) return { credits: 0 }
  const have = await unusedCredits(app.db, actor.id, templateId)
  await addCredits(app.db, actor.id, templateId, Math.min(n, MAX_CREDITS - have))
  return { credits: await unusedCredits(app.db, actor.id, templateId) }
}

/** Wait before the next try after `attempts` failures: 30 s, 1 min, 2 min … at most an hour. */
export const backoffMs = (attempts: number) => Math.min(3600_000, 30_000 * 2 ** Math.max(0, attempts - 1))

export type SendOutcome = 'sent' | 'refused' | 'no_credit' | 'no_openid' | 'postponed'

async function sendOne(app: FastifyInstance, m: MessageRow): Promise<SendOutcome> {
  const wechat = app.wechat!
  const user = await findUser(app.db, m.user_id)
  // Guardians of the H5 build have a device credential, not a WeChat user: nothing can reach them.
  if (!user?.openid || user.openid.startsWith('device:')) {
    await settleMessage(app.db, m.id, 'no_openid', null)
    return 'no_openid'
  }
  if ((await unusedCredits(app.db, m.user_id, m.template_id)) === 0) {
    await settleMessage(app.db, m.id, 'no_credit', null)
    return 'no_credit'
  }
  const { page, data } = app.vault.openJson<{ page: string; data: SubscribeMessage['data'] }>(
    m.payload,
    `wechat-message:${m.registration_id}#${m.version}`,
  )
  const message: SubscribeMessage = {
    touser: user.openid,
    template_id: m.template_id,
    page,
    data,
    miniprogram_state: wechat.miniprogramState,
    lang: 'zh_CN',
  }
  try {
    await wechat.tokens.withToken((token) => wechat.api.sendSubscribeMessage(token, message))
  } catch (err) {
    if (err instanceof WechatApiError && err.errcode !== 40001 && err.errcode !== 42001) {
      // 43101: the guardian has no subscription left at WeChat, so our credit is stale too.
      await app.db.transaction().execute(async (trx) => {
        if (err.errcode === 43101) await useCredit(trx, m.user_id, m.template_id, m.id)
        await settleMessage(trx, m.id, 'refused', `errcode ${err.errcode}`)
      })
      app.log.warn({ message: m.id, errcode: err.errcode }, 'wechat: message refused')
      return 'refused'
    }
    if (!(err instanceof WechatUnavailable) && !(err instanceof WechatApiError)) throw err
    const attempts = m.attempts + 1
    await postponeMessage(
      app.db,
      m.id,
      attempts,
      new Date(nowMs() + backoffMs(attempts)).toISOString(),
      err instanceof WechatApiError ? `errcode ${err.errcode}` : 'unavailable',
    )
    return 'postponed'
  }
  await app.db.transaction().execute(async (trx) => {
    await useCredit(trx, m.user_id, m.template_id, m.id)
    await settleMessage(trx, m.id, 'sent', null)
  })
  return 'sent'
}

/**
 * One pass of the sender over the messages that are due. A WeChat outage stops the pass (the rest wait for
 * their own retry rather than each timing out in turn). Run under the cluster lock (plugins/wechat.ts).
 */
export async function sendDueMessages(app: FastifyInstance, limit = 50): Promise<Record<SendOutcome, number>> {
  const counts: Record<SendOutcome, number> = { sent: 0, refused: 0, no_credit: 0, no_openid: 0, postponed: 0 }
  if (!app.wechat) return counts
  for (const m of await dueMessages(app.db, limit)) {
    const outcome = await sendOne(app, m)
    counts[outcome]++
    if (outcome === 'postponed') break
  }
  return counts
}

/**
 * 迁移 (docs/lifecycle.md, "Transfers"): a family moves to another village. The sending village's child
 * director — or the guardian, through a change of 现住址 — starts it; the receiving village's child director
 * accepts or declines; the sender may cancel while it waits. Until it is accepted the record stays with the
 * sending village and the receiving one sees only the transfer (the child's name masked). On accept the
 * record's village (and its 现住址 in the sealed record), everything keyed by it that carries a village, and
 * with them its history and visits, move in one transaction; the kept counts follow by their triggers.
 * Every step is a history event (the record's version moves by one) and an audit row on both villages.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { TransferItem, TransferList } from '../../../src/domain/api'
import { categoryLabel } from '../../../src/domain/eligibility'
import { maskName } from '../../../src/domain/mask'
import type { Registration } from '../../../src/domain/schema'
import { statusLabel } from '../../../src/domain/status'
import {
  parseBody,
  transferDeclineSchema,
  transferStartSchema,
  transferStateLabel,
  TRANSFERABLE,
  type TransferEvent,
  type TransferStart,
} from '../../../src/domain/transfer'
import type { Actor } from '../actor'
import { now } from '../clock'
import { audit } from '../db/audit'
import { insertEvent } from '../db/events'
import { categoriesOf, findRegistration, updateAtVersion, type RegistrationRow } from '../db/registrations'
import { findTransfer, insertTransfer, moveFollowers, openTransferOf, settleTransfer, transfersOf, type TransferRow } from '../db/transfers'
import type { Database } from '../db/types'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { canSee, regionRange } from '../scope'
import { contentHash } from '../vault'
import { derive } from './derive'
import { openRecord } from './views'

interface TransferDetail {
  address?: string
  note?: string
  declineReason?: string
}
const sealDetail = (app: FastifyInstance, id: string, d: TransferDetail) =>
  Object.values(d).some((v) => v) ? app.vault.sealJson(d, `transfer:${id}`) : null
const openDetail = (app: FastifyInstance, row: Pick<TransferRow, 'id' | 'detail'>): TransferDetail =>
  row.detail ? app.vault.openJson<TransferDetail>(row.detail, `transfer:${row.id}`) : {}

type Ex = Kysely<Database>

/** The step's history event: the record's version moves by one, its status stays. */
async function recordStep(
  app: FastifyInstance,
  trx: Ex,
  row: RegistrationRow,
  actor: Actor,
  action: TransferEvent,
  transfer: TransferRow,
  set: Partial<RegistrationRow> = {},
  reason?: string,
): Promise<void> {
  const at = now()
  if (!(await updateAtVersion(trx, row.id, row.version, { ...set, updated_at: at }))) {
    throw conflict('stale_version', '这条登记刚被其他人处理过，请刷新后再试')
  }
  const version = row.version + 1
  const detail = { reason, transfer: { id: transfer.id, from: transfer.from_village, to: transfer.to_village } }
  await insertEvent(trx, {
    registration_id: row.id,
    version,
    at,
    actor_id: actor.id,
    actor_role: actor.role,
    action,
    from_status: row.status,
    to_status: row.status,
    detail: app.vault.sealJson(detail, `${row.id}#${version}`),
    request_id: null,
  })
}

/** One audit row per village touched: each side's log shows the move. */
async function auditStep(trx: Ex, actor: Actor, action: TransferEvent, t: TransferRow, ip: string | undefined) {
  for (const regionCode of [t.from_village, t.to_village]) {
    await audit(trx, {
      actor,
      action,
      targetType: 'registration',
      targetId: t.registration_id,
      regionCode,
      ip,
      detail: { transfer: t.id, from: t.from_village, to: t.to_village },
    })
  }
}

/**
 * Starts a transfer of one record to `toVillage`. The caller is the record's village worker (a worker of the
 * village it is in now) or its guardian (the quarterly update's change of 现住址). Runs in `ex` when given
 * (the caller's own transaction), else in a transaction of its own. Returns the transfer as its sender sees it.
 */
export async function startTransfer(
  app: FastifyInstance,
  actor: Actor,
  registrationId: string,
  body: unknown,
  ip?: string,
  ex?: Ex,
): Promise<TransferItem> {
  const parsed = parseBody(transferStartSchema, body)
  if (!parsed.ok) throw badRequest('迁移信息有误，请按提示修改', parsed.issues)
  const input: TransferStart = parsed.value
  const work = async (trx: Ex) => {
    const row = await findRegistration(trx, registrationId)
    const mine =
      row &&
      (actor.role === 'guardian'
        ? row.owner_id === actor.id
        : actor.role === 'village_worker' && canSee(actor.regionCode, row.village_code))
    if (!row || !mine) {
      if (row && actor.role !== 'guardian' && canSee(actor.regionCode, row.village_code)) {
        throw forbidden('只有登记所在村（社区）的儿童主任可以发起迁移')
      }
      throw notFound()
    }
    if (!app.regions.isVillage(input.toVillage)) {
      throw badRequest('迁入的村（社区）不存在，请重新选择', [{ path: ['toVillage'], message: '迁入的村（社区）不存在，请重新选择' }])
    }
    if (input.toVillage === row.village_code) {
      throw badRequest('迁入的村（社区）就是现在的村，不需要迁移', [{ path: ['toVillage'], message: '请选择另一个村（社区）' }])
    }
    if (!TRANSFERABLE.includes(row.status)) throw conflict('not_transferable', `“${statusLabel(row.status)}”的登记不能迁移`)
    if (await openTransferOf(trx, row.id)) throw conflict('transfer_pending', '这条登记已有一条待接收的迁移，请等对方处理或先撤回')
    const id = randomUUID()
    const transfer: TransferRow = {
      id,
      registration_id: row.id,
      from_village: row.village_code,
      to_village: input.toVillage,
      state: 'pending',
      initiator_id: actor.id,
      initiator_role: actor.role,
      detail: sealDetail(app, id, { address: input.address || undefined, note: input.note || undefined }),
      created_at: now(),
      decided_at: null,
      decided_by: null,
    }
    await insertTransfer(trx, transfer)
    await recordStep(app, trx, row, actor, 'transfer_start', transfer, {}, input.note || undefined)
    await auditStep(trx, actor, 'transfer_start', transfer, ip)
    return itemOf(app, withRecord(transfer, row))
  }
  return ex ? work(ex) : app.transact(work)
}

/** The transfer and its record, for a step only `side`'s village worker (or, cancelling, the guardian who started it) may take. */
async function forStep(trx: Ex, actor: Actor, id: string, side: 'to' | 'from') {
  const t = await findTransfer(trx, id)
  const row = t && (await findRegistration(trx, t.registration_id))
  if (!t || !row) throw notFound('找不到这条迁移')
  const village = side === 'to' ? t.to_village : t.from_village
  const other = side === 'to' ? t.from_village : t.to_village
  const owner = actor.role === 'guardian' && side === 'from' && row.owner_id === actor.id && t.initiator_id === actor.id
  const worker = actor.role === 'village_worker' && canSee(actor.regionCode, village)
  if (!owner && !worker) {
    if (actor.role !== 'guardian' && (canSee(actor.regionCode, village) || canSee(actor.regionCode, other))) {
      throw forbidden(side === 'to' ? '只有迁入村（社区）的儿童主任可以接收或拒绝' : '只有迁出村（社区）的儿童主任可以撤回迁移')
    }
    throw notFound('找不到这条迁移')
  }
  if (t.state !== 'pending') throw conflict('transfer_settled', `这条迁移${transferStateLabel(t.state)}，不能再处理`)
  return { t, row }
}

async function settle(trx: Ex, t: TransferRow, actor: Actor, state: TransferRow['state'], detail?: string | null) {
  const set = { state, decided_at: now(), decided_by: actor.id, ...(detail !== undefined ? { detail } : {}) }
  if (!(await settleTransfer(trx, t.id, set))) throw conflict('transfer_settled', '这条迁移刚被处理过，请刷新')
  return { ...t, ...set }
}

/** The receiving village takes the record: its village, its 现住址, and what follows it move; counts follow. */
export async function acceptTransfer(app: FastifyInstance, actor: Actor, id: string, ip?: string): Promise<TransferItem> {
  return app.transact(async (trx) => {
    const { t, row } = await forStep(trx, actor, id, 'to')
    const done = await settle(trx, t, actor, 'accepted')
    const record = openRecord(app, row)
    const { address } = openDetail(app, t)
    const moved: Registration = {
      ...record,
      child: { ...record.child, residenceRegion: t.to_village, ...(address ? { residenceAddress: address } : {}) },
    }
    const { village_code, person_hmac } = derive(moved, app.vault)
    await recordStep(app, trx, row, actor, 'transfer_accept', t, {
      village_code,
      person_hmac,
      payload: app.vault.sealJson(moved, row.id),
      content_hash: contentHash(moved),
    })
    await moveFollowers(trx, row.id, t.to_village)
    await auditStep(trx, actor, 'transfer_accept', done, ip)
    return itemOf(app, withRecord(done, row))
  })
}

export async function declineTransfer(app: FastifyInstance, actor: Actor, id: string, body: unknown, ip?: string): Promise<TransferItem> {
  const parsed = parseBody(transferDeclineSchema, body)
  if (!parsed.ok) throw badRequest('请写明拒绝原因', parsed.issues)
  return app.transact(async (trx) => {
    const { t, row } = await forStep(trx, actor, id, 'to')
    const detail = sealDetail(app, t.id, { ...openDetail(app, t), declineReason: parsed.value.reason })
    const done = await settle(trx, t, actor, 'declined', detail)
    await recordStep(app, trx, row, actor, 'transfer_decline', t, {}, parsed.value.reason)
    await auditStep(trx, actor, 'transfer_decline', done, ip)
    return itemOf(app, withRecord(done, row))
  })
}

export async function cancelTransfer(app: FastifyInstance, actor: Actor, id: string, ip?: string): Promise<TransferItem> {
  return app.transact(async (trx) => {
    const { t, row } = await forStep(trx, actor, id, 'from')
    const done = await settle(trx, t, actor, 'cancelled')
    await recordStep(app, trx, row, actor, 'transfer_cancel', t)
    await auditStep(trx, actor, 'transfer_cancel', done, ip)
    return itemOf(app, withRecord(done, row))
  })
}

type ItemRow = TransferRow &
  Pick<RegistrationRow, 'payload' | 'status' | 'cat_left_behind' | 'cat_difficulty' | 'cat_de_facto_unsupported' | 'cat_orphan'>

const withRecord = (t: TransferRow, row: RegistrationRow): ItemRow => ({
  ...t,
  payload: row.payload,
  status: row.status,
  cat_left_behind: row.cat_left_behind,
  cat_difficulty: row.cat_difficulty,
  cat_de_facto_unsupported: row.cat_de_facto_unsupported,
  cat_orphan: row.cat_orphan,
})

function itemOf(app: FastifyInstance, r: ItemRow): TransferItem {
  const record = app.vault.openJson<Registration>(r.payload, r.registration_id)
  const d = openDetail(app, r)
  return {
    id: r.id,
    registrationId: r.registration_id,
    state: r.state,
    stateLabel: transferStateLabel(r.state),
    from: { code: r.from_village, name: app.regions.fullName(r.from_village) ?? r.from_village },
    to: { code: r.to_village, name: app.regions.fullName(r.to_village) ?? r.to_village },
    childName: maskName(String(record.child?.name ?? '')),
    statusLabel: statusLabel(r.status),
    categoryLabels: categoriesOf(r).map(categoryLabel),
    startedAt: r.created_at,
    startedByRole: r.initiator_role,
    decidedAt: r.decided_at,
    ...(d.note ? { note: d.note } : {}),
    ...(d.declineReason ? { declineReason: d.declineReason } : {}),
  }
}

const LIST_LIMIT = 100

/** `GET /transfers`: into and out of the caller's region (a township sees both of its villages' sides). */
export async function listTransfers(app: FastifyInstance, actor: Actor): Promise<TransferList> {
  const range = regionRange(actor.regionCode)
  if (!range) return { incoming: [], outgoing: [] }
  const [incoming, outgoing] = await Promise.all([
    transfersOf(app.db, 'to_village', range, LIST_LIMIT),
    transfersOf(app.db, 'from_village', range, LIST_LIMIT),
  ])
  // A move inside the region is on both lists: each side of it is the caller's.
  return { incoming: incoming.map((r) => itemOf(app, r as ItemRow)), outgoing: outgoing.map((r) => itemOf(app, r as ItemRow)) }
}

/**
 * A reviewer's action on a record: the status machine of src/domain/status.ts applied inside one
 * transaction with its history event and audit row. Order of checks: the body, then the region (outside
 * it the record "does not exist" for this worker), then the role, then the state.
 */
import type { FastifyInstance } from 'fastify'
import type { ReviewBrief } from '../../../src/domain/api'
import { validateReview } from '../../../src/domain/review'
import { RULES, ROLE_LABELS, actionLabel, allowedActions, statusLabel, transition } from '../../../src/domain/status'
import type { Actor } from '../actor'
import { now } from '../clock'
import { audit } from '../db/audit'
import { eventByRequest, insertEvent } from '../db/events'
import { dismissFlag, flagOf } from '../db/flags'
import { findRegistration, updateAtVersion, type RegistrationRow } from '../db/registrations'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { canSee } from '../scope'
import { queueStatusMessage } from './notifications'
import { approvedBeforeChange } from './quarterly'
import { RECHECK_STATUSES, withoutUnflagged } from './recheck'
import { decisionFacts, terminationDetail } from './termination'
import { storeVisit } from './visits'

const briefOf = (row: RegistrationRow, actor: Actor, flagged: boolean): ReviewBrief => ({
  id: row.id,
  status: row.status,
  statusLabel: statusLabel(row.status),
  version: row.version,
  updatedAt: row.updated_at,
  allowedActions: withoutUnflagged(allowedActions(row.status, actor.role), flagged),
})

export async function review(app: FastifyInstance, actor: Actor, id: string, body: unknown, ip: string): Promise<ReviewBrief> {
  const parsed = validateReview(body)
  if (!parsed.ok) throw badRequest('审核内容有误，请按提示修改', parsed.issues)
  const input = parsed.value

  return app.transact(async (trx) => {
    const brief = async (row: RegistrationRow, actor: Actor) => {
      const flag = await flagOf(trx, row.id)
      return briefOf(row, actor, !!flag && !flag.dismissed && RECHECK_STATUSES.includes(row.status))
    }
    const row = await findRegistration(trx, id)
    if (!row || !canSee(actor.regionCode, row.village_code)) throw notFound()
    if (!RULES[input.action].some((r) => r.role === actor.role)) {
      throw forbidden(`${ROLE_LABELS[actor.role]}不能执行“${actionLabel(input.action)}”`)
    }
    // A resend of an action already applied (its answer was lost on the way): the record as it is now.
    const replay = async () => {
      if (!input.requestId) return undefined
      const done = await eventByRequest(trx, id, input.requestId.toLowerCase())
      if (!done) return undefined
      if (done.actor_id !== actor.id || done.action !== input.action) throw conflict('id_taken', '这个请求编号已被使用')
      return await brief((await findRegistration(trx, id))!, actor)
    }
    const replayed = await replay()
    if (replayed) return replayed
    if (input.version !== undefined && input.version !== row.version) {
      throw conflict('stale_version', '这条登记已有变化，请刷新后再处理', await brief(row, actor))
    }
    const step = transition(row, { type: input.action, reason: input.reason }, { role: actor.role })
    if (!step.ok) throw conflict('invalid_transition', step.reason, await brief(row, actor))

    const at = now()
    // A visit that finds guardianship missing or improper makes the child a 困境儿童 in counts and filters too.
    const difficulty = input.visit?.guardianshipFinding ? { cat_difficulty: 1 } : {}
    // 退回变更: the record goes back to what the county approved (the change stays in the history).
    const restored = input.action === 'return_update' ? await approvedBeforeChange(app, trx, row) : undefined
    if (!(await updateAtVersion(trx, id, row.version, { status: step.to, updated_at: at, ...difficulty, ...restored?.set }))) {
      // The same request may have won the race on another connection.
      const raced = await replay()
      if (raced) return raced
      throw conflict('stale_version', '这条登记刚被其他人处理过，请刷新后再处理')
    }
    // 复核后继续保障 takes the record off the 待复核 list; without an open flag there is nothing to keep.
    if (input.action === 'keep_after_recheck' && !(await dismissFlag(trx, id, at))) {
      throw conflict('not_flagged', '这条登记不在待复核名单上，不需要复核', await brief(row, actor))
    }
    const version = row.version + 1
    const detail = { reason: input.reason, fields: input.fields, visit: input.visit, diff: restored?.diff, ...terminationDetail(input) }
    const hasDetail = Object.values(detail).some((v) => v !== undefined)
    await insertEvent(trx, {
      registration_id: id,
      version,
      at,
      actor_id: actor.id,
      actor_role: actor.role,
      action: input.action,
      from_status: step.from,
      to_status: step.to,
      detail: hasDetail ? app.vault.sealJson(detail, `${id}#${version}`) : null,
      request_id: input.requestId?.toLowerCase() ?? null,
    })
    // The monthly visit's own row (docs/lifecycle.md), in this transaction: both are there or neither.
    if (input.action === 'record_visit' && input.visit) {
      await storeVisit(app, trx, { id, version, villageCode: row.village_code, actorId: actor.id, visit: input.visit, at })
    }
    if (step.changed) {
      const ended = step.to === 'terminated' ? await decisionFacts(app, trx, id) : undefined
      const change = { id, ownerId: row.owner_id, payload: row.payload, version, to: step.to, reason: input.reason, at, ended }
      await queueStatusMessage(app, trx, change)
    }
    await audit(trx, {
      actor,
      action: 'review',
      targetType: 'registration',
      targetId: id,
      regionCode: row.village_code,
      ip,
      detail: {
        action: input.action,
        from: step.from,
        to: step.to,
        version,
        visit: !!input.visit,
        // A code from a fixed list, no words: the audit log holds no personal data of children.
        ...(input.termination ? { terminationReason: input.termination.reason } : {}),
      },
    })
    return await brief((await findRegistration(trx, id))!, actor)
  })
}

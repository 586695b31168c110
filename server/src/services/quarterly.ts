/**
 * 动态更新 (docs/lifecycle.md, "Quarterly updates"): the guardian's answer to this quarter's question on a confirmed
 * record, `POST /registrations/:id/quarterly`. Idempotent like the submission:
 *   { unchanged: true }                      → 201 the first time; 200 and the answer as stored afterwards
 *   { record, baseVersion }, a real change   → 201: a new version, 变更待村级核实, the diff in the history
 *   the same change sent again               → 200, nothing written
 *   the same content as approved             → recorded as "没有变化"
 *   another village in 现住址                 → 409 transfer_required (services/move-check.ts)
 *   a change already under review            → 409 update_pending; baseVersion not current → 409 stale_version
 * The approved record is kept in the change's sealed event detail: a return at any level restores it.
 */
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { QuarterlyResult } from '../../../src/domain/api'
import { quarterOf, type QuarterlyAnswer } from '../../../src/domain/quarterly'
import type { Registration } from '../../../src/domain/schema'
import { ACTIVE_STATUSES, UPDATE_STATUSES, transition } from '../../../src/domain/status'
import type { Actor } from '../actor'
import { now, today } from '../clock'
import { audit } from '../db/audit'
import { insertEvent, latestEvent } from '../db/events'
import { findAnswer, putAnswer } from '../db/quarterly'
import { findRegistration, updateAtVersion, type RegistrationRow } from '../db/registrations'
import type { Database } from '../db/types'
import { badRequest, conflict, notFound } from '../errors'
import { contentHash } from '../vault'
import { derive } from './derive'
import { diffRecords } from './diff'
import { contextOf } from './findings'
import { MOVE_STARTED, MOVE_STARTED_MORE, moveIn } from './move-check'
import { startTransfer } from './transfers'
import { validateSubmission } from './submit'
import { fullView, type EventDetail } from './views'

type Parsed = { unchanged: true } | { record: Registration; baseVersion: number }

function parse(app: FastifyInstance, body: unknown): Parsed {
  if (body && typeof body === 'object' && !Array.isArray(body) && 'unchanged' in body) {
    if ((body as { unchanged: unknown }).unchanged !== true || Object.keys(body).length !== 1) {
      throw badRequest('“没有变化”的确认格式不对', [{ path: ['unchanged'], message: '应为 { "unchanged": true }' }])
    }
    return { unchanged: true }
  }
  const { record, baseVersion } = validateSubmission(app, body)
  if (baseVersion === undefined) {
    throw badRequest('更新时请注明所依据的版本', [{ path: ['baseVersion'], message: '缺少版本号（baseVersion）' }])
  }
  return { record, baseVersion }
}

export async function answerQuarter(
  app: FastifyInstance,
  actor: Actor,
  id: string,
  body: unknown,
  ip: string,
): Promise<{ statusCode: 200 | 201 | 202; result: QuarterlyResult }> {
  const input = parse(app, body)
  const quarter = quarterOf(today())
  return app.transact(async (trx) => {
    const row = await findRegistration(trx, id)
    if (!row || row.owner_id !== actor.id) throw notFound()
    const answered = await findAnswer(trx, id, quarter)
    const answer = async (statusCode: 200 | 201, kind: QuarterlyAnswer, at: string) => ({
      statusCode,
      result: { quarter, answer: kind, answeredAt: at, registration: await fullView(app, (await findRegistration(trx, id))!, actor, trx) },
    })
    if (!ACTIVE_STATUSES.includes(row.status)) {
      throw conflict('not_active', '这条登记还没有经县级确认，或已终止，不需要季度更新', await fullView(app, row, actor, trx))
    }
    if ('unchanged' in input || contentHash(input.record) === row.content_hash) {
      if (answered) return answer(200, answered.answer, answered.answered_at)
      const at = now()
      await putAnswer(trx, { registration_id: id, quarter, answer: 'unchanged', version: row.version, actor_id: actor.id, answered_at: at })
      await audit(trx, {
        actor,
        action: 'quarterly_unchanged',
        targetType: 'registration',
        targetId: id,
        regionCode: row.village_code,
        ip,
        detail: { quarter },
      })
      return answer(201, 'unchanged', at)
    }
    const hash = contentHash(input.record)
    if (answered?.answer === 'changed' && answered.content_hash === hash) return answer(200, 'changed', answered.answered_at)
    const current = () => fullView(app, row, actor, trx)
    if (UPDATE_STATUSES.includes(row.status)) {
      throw conflict('update_pending', '上一次的更新还在审核中，审核完成后再提交新的变化', await current())
    }
    if (input.baseVersion !== row.version) throw conflict('stale_version', '这条登记已有更新的版本，请在最新内容上修改', await current())
    const step = transition(row, { type: 'submit_update' }, { role: 'guardian' })
    if (!step.ok) throw conflict('not_editable', `${step.reason}，现在不能提交更新`, await current())
    const approved = app.vault.openJson<Registration>(row.payload, row.id)
    const move = moveIn(approved, input.record)
    if (move) {
      // A move: the receiving village's worker takes the child on; nothing of the update is applied here.
      const { toVillage, address } = move
      const transfer = await startTransfer(
        app,
        actor,
        id,
        { toVillage, address, note: '监护人季度更新：全家搬到了这个村（社区）' },
        ip,
        trx,
      )
      return {
        statusCode: 202 as const,
        result: {
          quarter,
          answer: 'transfer' as const,
          answeredAt: transfer.startedAt,
          registration: await fullView(app, (await findRegistration(trx, id))!, actor, trx),
          transfer: { toName: transfer.to.name, otherChanges: move.otherChanges },
          message: move.otherChanges ? `${MOVE_STARTED}${MOVE_STARTED_MORE}` : MOVE_STARTED,
        },
      }
    }

    const at = now()
    const set = {
      status: step.to,
      content_hash: hash,
      payload: app.vault.sealJson(input.record, id),
      ...derive(input.record, app.vault, undefined, await contextOf(app, id, trx)),
      updated_at: at,
    }
    if (!(await updateAtVersion(trx, id, row.version, set))) throw conflict('stale_version', '这条登记刚刚有了变化，请刷新后再试')
    const version = row.version + 1
    const detail: EventDetail = { diff: diffRecords(approved, input.record), approved }
    await insertEvent(trx, {
      registration_id: id,
      version,
      at,
      actor_id: actor.id,
      actor_role: 'guardian',
      action: 'submit_update',
      from_status: step.from,
      to_status: step.to,
      detail: app.vault.sealJson(detail, `${id}#${version}`),
    })
    await putAnswer(trx, {
      registration_id: id,
      quarter,
      answer: 'changed',
      version,
      content_hash: hash,
      actor_id: actor.id,
      answered_at: at,
    })
    await audit(trx, {
      actor,
      action: 'quarterly_update',
      targetType: 'registration',
      targetId: id,
      regionCode: row.village_code,
      ip,
      detail: { quarter, from: step.from, to: step.to, version },
    })
    return answer(201, 'changed', at)
  })
}

/**
 * 退回变更 (any level): the record as the county last approved it, from the change's event, with what it changes
 * back (for the history). Undefined when there is no change to undo (a record confirmed without one).
 */
export async function approvedBeforeChange(app: FastifyInstance, trx: Kysely<Database>, row: RegistrationRow) {
  const e = await latestEvent(trx, row.id, 'submit_update')
  if (!e?.detail) return undefined
  const approved = app.vault.openJson<EventDetail>(e.detail, `${row.id}#${e.version}`).approved
  if (!approved) return undefined
  const current = app.vault.openJson<Registration>(row.payload, row.id)
  return {
    set: {
      content_hash: contentHash(approved),
      payload: app.vault.sealJson(approved, row.id),
      ...derive(approved, app.vault, undefined, await contextOf(app, row.id, trx)),
    },
    diff: diffRecords(current, approved),
  }
}

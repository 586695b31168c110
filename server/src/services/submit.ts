/**
 * The guardian's submission, idempotent the way ODK Central's submissions are (the same instance id with
 * identical content is accepted again, with other content it is a 409: getodk/central-backend,
 * lib/resources/submissions.js), as docs/api.md describes:
 *   new id                                  → 201, version 1, status submitted
 *   same id, same content (canonical hash)  → 200 and the stored record, nothing written
 *   same id, other content, no baseVersion  → 409 conflict, with the server's current record
 *   baseVersion not the current version     → 409 stale_version, with the current record
 *   baseVersion current, status not editable→ 409 not_editable
 *   baseVersion current, returned/draft     → 200, an edit: version + 1, back to submitted, diff in history
 *   withdrawn                               → 410
 * A unique key (the id) and ON CONFLICT DO NOTHING make concurrent identical first sends one record;
 * later changes are optimistic (UPDATE … WHERE version = n), so two racing edits cannot both win.
 */
import type { FastifyInstance } from 'fastify'
import type { RegistrationView } from '../../../src/domain/api'
import { validateRegistration, type Registration } from '../../../src/domain/schema'
import { transition } from '../../../src/domain/status'
import type { Actor } from '../actor'
import { now } from '../clock'
import { audit } from '../db/audit'
import { insertEvent } from '../db/events'
import { findRegistration, insertRegistration, updateAtVersion, type RegistrationRow } from '../db/registrations'
import { HttpError, badRequest, conflict, gone, notFound } from '../errors'
import { contentHash } from '../vault'
import { derive, regionIssues } from './derive'
import { diffRecords } from './diff'
import { contextOf } from './findings'
import { fullView } from './views'

const HOUR_MS = 60 * 60_000

/**
 * One guardian's new registrations per hour, counted on every instance (app.sharedState). A family has a few
 * children; dozens in a minute are a script filling a village's queue. Over the limit: 429 with the time to
 * wait, which the app's outbox treats as "try again later" (the draft stays on the phone, nothing is lost).
 * Only a first send of an unknown id counts: re-sends of a stored record and edits never do.
 */
async function countNewRegistration(app: FastifyInstance, actor: Actor, perHour: number): Promise<void> {
  const { count, ttlMs } = await app.sharedState.increment(`new-registrations:${actor.id}`, HOUR_MS)
  if (count <= perHour) return
  const minutes = Math.max(1, Math.ceil(ttlMs / 60_000))
  const err = new HttpError(
    429,
    'too_many_registrations',
    `一小时内最多提交${perHour}份新登记。填好的内容已保存在手机上，约${minutes}分钟后手机会自动再次提交`,
  )
  err.retryAfterSeconds = Math.max(1, Math.ceil(ttlMs / 1000))
  throw err
}

export interface Envelope {
  record: unknown
  baseVersion?: number
}

/** `{ record, baseVersion? }`, or a bare record (a first submission needs no envelope). */
export function parseEnvelope(body: unknown): Envelope {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('提交的内容格式不对')
  if (!('record' in body)) return { record: body }
  const extra = Object.keys(body).filter((k) => k !== 'record' && k !== 'baseVersion')
  if (extra.length) throw badRequest('提交的内容格式不对', [{ path: [], message: `不接受的字段：${extra.join('、')}` }])
  const { record, baseVersion } = body as Envelope
  if (baseVersion !== undefined && !(Number.isInteger(baseVersion) && baseVersion >= 1)) {
    throw badRequest('提交的内容格式不对', [{ path: ['baseVersion'], message: '版本号格式不对' }])
  }
  return { record, baseVersion }
}

export function validateSubmission(app: FastifyInstance, body: unknown): { record: Registration; baseVersion?: number } {
  const envelope = parseEnvelope(body)
  const result = validateRegistration(envelope.record)
  if (!result.ok) throw badRequest('填写的内容有误，请按提示修改', result.issues)
  const issues = regionIssues(result.value, app.regions)
  if (issues.length) throw badRequest('填写的内容有误，请按提示修改', issues)
  return { record: result.value, baseVersion: envelope.baseVersion }
}

export async function submit(
  app: FastifyInstance,
  actor: Actor,
  id: string,
  body: unknown,
  ip: string,
  limits: { newPerHour?: number } = {},
): Promise<{ statusCode: 200 | 201; view: RegistrationView }> {
  const { record, baseVersion } = validateSubmission(app, body)
  if (limits.newPerHour !== undefined && baseVersion === undefined && !(await findRegistration(app.db, id))) {
    await countNewRegistration(app, actor, limits.newPerHour)
  }
  const hash = contentHash(record)
  const derived = derive(record, app.vault)

  return app.transact(async (trx) => {
    // Inside the transaction every read goes through trx: SQLite has one connection, which trx holds.
    const current = (row: RegistrationRow) => fullView(app, row, actor, trx)
    // A first send (no baseVersion) tries the insert straight away; only if the id exists is the row read.
    if (baseVersion === undefined) {
      const at = now()
      const fresh = {
        id,
        owner_id: actor.id,
        status: 'submitted' as const,
        version: 1,
        content_hash: hash,
        payload: app.vault.sealJson(record, id),
        ...derived,
        created_at: at,
        updated_at: at,
      }
      if (await insertRegistration(trx, fresh)) {
        await insertEvent(trx, {
          registration_id: id,
          version: 1,
          at,
          actor_id: actor.id,
          actor_role: 'guardian',
          action: 'submit',
          from_status: null,
          to_status: 'submitted',
          detail: null,
        })
        await audit(trx, { actor, action: 'create', targetType: 'registration', targetId: id, regionCode: derived.village_code, ip })
        return { statusCode: 201, view: await fullView(app, fresh, actor, trx, record) }
      }
    }
    // The id exists (a re-send, an edit, or a concurrent twin that inserted first).
    const row = await findRegistration(trx, id)
    if (!row) throw notFound('要修改的登记不存在')
    // Another guardian's UUID: say nothing about it beyond "taken".
    if (row.owner_id !== actor.id) throw conflict('id_taken', '这个登记编号已被占用，请重新提交')
    if (row.status === 'withdrawn') throw gone('这条登记已撤回，不能再提交或修改')
    if (row.content_hash === hash) return { statusCode: 200, view: await fullView(app, row, actor, trx) }
    if (baseVersion === undefined) {
      throw conflict('conflict', '服务器上已有这条登记的不同内容，请先查看最新内容', await current(row))
    }
    if (baseVersion !== row.version) {
      throw conflict('stale_version', '这条登记已有更新的版本，请在最新内容上修改', await current(row))
    }
    const step = transition(row, { type: 'submit' }, { role: 'guardian' })
    if (!step.ok) throw conflict('not_editable', `${step.reason}，现在不能修改`, await current(row))

    const before = app.vault.openJson<Registration>(row.payload, row.id)
    const at = now()
    const updated = await updateAtVersion(trx, id, row.version, {
      status: step.to,
      content_hash: hash,
      payload: app.vault.sealJson(record, id),
      // The first derive knew nothing of the visits so far: what workers found still counts.
      ...derive(record, app.vault, undefined, await contextOf(app, id, trx)),
      updated_at: at,
    })
    if (!updated) throw conflict('stale_version', '这条登记刚刚被修改过，请刷新后再试', await current((await findRegistration(trx, id))!))
    const version = row.version + 1
    const detail = app.vault.sealJson({ diff: diffRecords(before, record) }, `${id}#${version}`)
    await insertEvent(trx, {
      registration_id: id,
      version,
      at,
      actor_id: actor.id,
      actor_role: 'guardian',
      action: 'edit',
      from_status: row.status,
      to_status: step.to,
      detail,
    })
    await audit(trx, {
      actor,
      action: 'edit',
      targetType: 'registration',
      targetId: id,
      regionCode: derived.village_code,
      ip,
      detail: { from: row.status, to: step.to, version },
    })
    return { statusCode: 200, view: await fullView(app, (await findRegistration(trx, id))!, actor, trx, record) }
  })
}

/** The guardian takes a registration back (before review starts, or after a return); a repeat answers 200 again. */
export async function withdraw(app: FastifyInstance, actor: Actor, id: string, ip: string): Promise<RegistrationView> {
  return app.transact(async (trx) => {
    const row = await findRegistration(trx, id)
    if (!row || row.owner_id !== actor.id) throw notFound()
    if (row.status !== 'withdrawn') {
      const step = transition(row, { type: 'withdraw' }, { role: 'guardian' })
      if (!step.ok) throw conflict('invalid_transition', step.reason, await fullView(app, row, actor, trx))
      const at = now()
      if (!(await updateAtVersion(trx, id, row.version, { status: step.to, updated_at: at }))) {
        throw conflict('stale_version', '这条登记刚刚有了变化，请刷新后再试')
      }
      await insertEvent(trx, {
        registration_id: id,
        version: row.version + 1,
        at,
        actor_id: actor.id,
        actor_role: 'guardian',
        action: 'withdraw',
        from_status: row.status,
        to_status: step.to,
        detail: null,
      })
      await audit(trx, { actor, action: 'withdraw', targetType: 'registration', targetId: id, regionCode: row.village_code, ip })
    }
    return fullView(app, (await findRegistration(trx, id))!, actor, trx)
  })
}

/**
 * The guardian's registrations, and opening one record (guardian: their own; worker: inside their region).
 * Authentication runs at onRequest, before the body is even read.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { SENSITIVE_FIELDS, maskField, valueAt } from '../../../src/domain/mask'
import { ROLE_LABELS, actionLabel, statusLabel, type Status } from '../../../src/domain/status'
import { audit } from '../db/audit'
import { listEvents } from '../db/events'
import { findRegistration, listByOwner } from '../db/registrations'
import { badRequest, notFound } from '../errors'
import { WORKER_ROLES, type Actor } from '../plugins/auth'
import { fullViewSchema, historySchema, idParams, ownListSchema, responses, revealBody, revealSchema } from '../schemas'
import { canSee } from '../scope'
import { submit, withdraw } from '../services/submit'
import { fullView, openRecord, ownListItem, type EventDetail } from '../services/views'
import type { FieldChange } from '../services/diff'

type WithId = { Params: { id: string } }
export const idOf = (req: FastifyRequest<WithId>) => req.params.id.toLowerCase()

/** The row, if this actor may open it; otherwise 404 (a record outside your reach "does not exist"). */
export async function reachable(app: FastifyInstance, actor: Actor, id: string) {
  const row = await findRegistration(app.db, id)
  const ok = row && (actor.role === 'guardian' ? row.owner_id === actor.id : canSee(actor.regionCode, row.village_code))
  if (!ok) throw notFound()
  return row
}

/** A worker's read of one record: what they opened (`view`, `view_history`) or which field they revealed. */
type ReadAction = 'view' | 'view_history' | 'reveal'
const auditRead = (app: FastifyInstance, req: FastifyRequest, row: { id: string; village_code: string }, action: ReadAction, detail?: Record<string, unknown>) =>
  audit(app.db, { actor: req.actor!, action, targetType: 'registration', targetId: row.id, regionCode: row.village_code, ip: req.ip, detail })

const maskChange = (c: FieldChange): FieldChange => (!SENSITIVE_FIELDS[c.path] ? c : {
  path: c.path,
  ...('from' in c ? { from: maskField(c.path, c.from) } : {}),
  ...('to' in c ? { to: maskField(c.path, c.to) } : {}),
})

export default async function registrationRoutes(app: FastifyInstance) {
  const guardian = app.allow('guardian')
  const anyone = app.allow('guardian', ...WORKER_ROLES)

  app.put<WithId>('/registrations/:id', {
    onRequest: guardian,
    schema: { params: idParams, response: responses({ 200: fullViewSchema, 201: fullViewSchema }) },
  }, async (req, reply) => {
    const { statusCode, view } = await submit(app, req.actor!, idOf(req), req.body, req.ip)
    return reply.code(statusCode).send(view)
  })

  app.get('/registrations', {
    onRequest: guardian,
    schema: { response: responses({ 200: ownListSchema }) },
  }, async (req) => {
    const rows = await listByOwner(app.db, req.actor!.id)
    return { items: await Promise.all(rows.map((r) => ownListItem(app, r))) }
  })

  app.get<WithId>('/registrations/:id', {
    onRequest: anyone,
    schema: { params: idParams, response: responses({ 200: fullViewSchema }) },
  }, async (req) => {
    const actor = req.actor!
    const row = await reachable(app, actor, idOf(req))
    if (actor.role !== 'guardian') {
      await auditRead(app, req, row, 'view')
    }
    return fullView(app, row, actor)
  })

  // One masked field of the record in full, for a worker of its region who tapped to see it. Each reveal is
  // its own audit row naming the field, so the log shows who saw which child's ID number or phone.
  app.post<WithId & { Body: { field: string } }>('/registrations/:id/reveal', {
    onRequest: app.allow(...WORKER_ROLES),
    schema: { params: idParams, body: revealBody, response: responses({ 200: revealSchema }) },
  }, async (req) => {
    const actor = req.actor!
    const { field } = req.body
    if (!SENSITIVE_FIELDS[field]) throw badRequest('这一项不需要单独查看', [{ path: ['field'], message: '不是可查看的字段' }])
    const row = await reachable(app, actor, idOf(req))
    const value = valueAt(openRecord(app, row), field)
    await auditRead(app, req, row, 'reveal', { field })
    return { field, value: typeof value === 'string' ? value : null }
  })

  app.post<WithId>('/registrations/:id/withdraw', {
    onRequest: guardian,
    schema: { params: idParams, response: responses({ 200: fullViewSchema }) },
  }, async (req) => withdraw(app, req.actor!, idOf(req), req.ip))

  app.get<WithId>('/registrations/:id/history', {
    onRequest: anyone,
    schema: { params: idParams, response: responses({ 200: historySchema }) },
  }, async (req) => {
    const actor = req.actor!
    const row = await reachable(app, actor, idOf(req))
    const isGuardian = actor.role === 'guardian'
    if (!isGuardian) {
      await auditRead(app, req, row, 'view_history')
    }
    const events = await listEvents(app.db, row.id)
    return {
      items: events.map((e) => {
        const d: EventDetail = e.detail ? app.vault.openJson<EventDetail>(e.detail, `${row.id}#${e.version}`) : {}
        return {
          version: e.version, at: e.at, action: e.action,
          actionLabel: e.action === 'edit' ? '修改后重新提交' : actionLabel(e.action as never),
          from: e.from_status, to: e.to_status,
          fromLabel: e.from_status ? statusLabel(e.from_status as Status) : null, toLabel: statusLabel(e.to_status as Status),
          // Guardians see which level acted, not which person; workers see the colleague's name.
          actor: { role: e.actor_role, roleLabel: ROLE_LABELS[e.actor_role], name: isGuardian ? null : e.actor_name ?? e.actor_username ?? null },
          reason: d.reason, fields: d.fields,
          // Workers see a changed ID number or phone masked, as in the record itself.
          diff: isGuardian || !d.diff ? d.diff : (d.diff as FieldChange[]).map(maskChange),
          // The visit record is the worker's assessment of the family: not shown to the family.
          visit: isGuardian ? undefined : d.visit,
        }
      }),
    }
  })
}

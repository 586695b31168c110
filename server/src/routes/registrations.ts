/**
 * The guardian's registrations, and opening one record (guardian: their own; worker: inside their region).
 * Authentication runs at onRequest, before the body is even read; who may reach which record is decided
 * in services/records.ts.
 */
import type { FastifyInstance } from 'fastify'
import { sensitiveKind } from '../../../src/domain/mask'
import { WORKER_ROLES } from '../actor'
import { badRequest } from '../errors'
import { fullViewSchema, historySchema, idOf, idParams, ownListSchema, responses, revealBody, revealSchema, type WithId } from '../schemas'
import { accessOf } from '../services/access'
import { history } from '../services/history'
import { openOne, ownList, revealField } from '../services/records'
import { submit, withdraw } from '../services/submit'

export default async function registrationRoutes(app: FastifyInstance, opts: { guardianNewPerHour: number }) {
  const guardian = app.allow('guardian')
  const anyone = app.allow('guardian', ...WORKER_ROLES)

  app.put<WithId>(
    '/registrations/:id',
    {
      onRequest: guardian,
      schema: { params: idParams, response: responses({ 200: fullViewSchema, 201: fullViewSchema }) },
    },
    async (req, reply) => {
      const { statusCode, view } = await submit(app, req.actor!, idOf(req), req.body, req.ip, { newPerHour: opts.guardianNewPerHour })
      return reply.code(statusCode).send(view)
    },
  )

  app.get(
    '/registrations',
    {
      onRequest: guardian,
      schema: { response: responses({ 200: ownListSchema }) },
    },
    async (req) => ownList(app, req.actor!),
  )

  app.get<WithId>(
    '/registrations/:id',
    {
      onRequest: anyone,
      schema: { params: idParams, response: responses({ 200: fullViewSchema }) },
    },
    async (req) => openOne(app, req.actor!, idOf(req), req.ip),
  )

  // One masked field of the record in full, for a worker of its region who tapped to see it (audited).
  app.post<WithId & { Body: { field: string } }>(
    '/registrations/:id/reveal',
    {
      onRequest: app.allow(...WORKER_ROLES),
      schema: { params: idParams, body: revealBody, response: responses({ 200: revealSchema }) },
    },
    async (req) => {
      const { field } = req.body
      if (!sensitiveKind(field)) throw badRequest('这一项不需要单独查看', [{ path: ['field'], message: '不是可查看的字段' }])
      return revealField(app, req.actor!, idOf(req), field, req.ip)
    },
  )

  app.post<WithId>(
    '/registrations/:id/withdraw',
    {
      onRequest: guardian,
      schema: { params: idParams, response: responses({ 200: fullViewSchema }) },
    },
    async (req) => withdraw(app, req.actor!, idOf(req), req.ip),
  )

  app.get<WithId>(
    '/registrations/:id/history',
    {
      onRequest: anyone,
      schema: { params: idParams, response: responses({ 200: historySchema }) },
    },
    async (req) => history(app, req.actor!, idOf(req), req.ip),
  )

  // Who has read the record: levels for its guardian, each access for a county administrator (services/access.ts).
  app.get<WithId>(
    '/registrations/:id/access',
    { onRequest: app.allow('guardian', 'county_admin'), schema: { params: idParams } },
    async (req) => accessOf(app, req.actor!, idOf(req)),
  )
}

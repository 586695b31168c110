/**
 * 动态更新 (docs/lifecycle.md, "Quarterly updates"): the guardian's answer to this quarter's question, and the
 * quarter's completion for workers (village: who has not answered; township and county: by village).
 */
import type { FastifyInstance } from 'fastify'
import { fullViewSchema, idOf, idParams, queueSchema, responses, type WithId } from '../schemas'
import { answerQuarter } from '../services/quarterly'
import { quarterlyProgress } from '../services/quarterly-progress'

const str = { type: 'string' } as const
const count = { type: 'integer' } as const

const resultSchema = {
  type: 'object',
  properties: {
    quarter: str,
    answer: str,
    answeredAt: str,
    registration: fullViewSchema,
    transfer: { type: 'object', properties: { toName: str, otherChanges: { type: 'boolean' } } },
    message: str,
  },
} as const

const progressSchema = {
  type: 'object',
  properties: {
    quarter: str,
    label: str,
    first: str,
    last: str,
    due: count,
    answered: count,
    changed: count,
    villages: {
      type: 'array',
      items: { type: 'object', properties: { code: str, name: str, due: count, answered: count, changed: count } },
    },
    pending: queueSchema.properties.items,
  },
} as const

export default async function quarterlyRoutes(app: FastifyInstance) {
  app.post<WithId>(
    '/registrations/:id/quarterly',
    {
      onRequest: app.allow('guardian'),
      schema: { params: idParams, response: responses({ 200: resultSchema, 201: resultSchema, 202: resultSchema }) },
    },
    async (req, reply) => {
      const { statusCode, result } = await answerQuarter(app, req.actor!, idOf(req), req.body, req.ip)
      return reply.code(statusCode).send(result)
    },
  )

  app.get<{ Querystring: { quarter?: string } }>(
    '/review/quarterly',
    {
      onRequest: app.allow('village_worker', 'township_supervisor', 'county_admin'),
      schema: {
        querystring: { type: 'object', properties: { quarter: { type: 'string', maxLength: 10 } }, additionalProperties: false },
        response: responses({ 200: progressSchema }),
      },
    },
    async (req) => quarterlyProgress(app, req.actor!, req.query),
  )
}

/**
 * The guardian's own settings. `POST /me/subscriptions {accepted: [templateId…]}`: what the guardian accepted
 * in WeChat's subscription dialog; each accepted status template is one status message the server may send
 * (services/notifications.ts). Answers how many the guardian now holds.
 */
import type { FastifyInstance } from 'fastify'
import { responses } from '../schemas'
import { acceptSubscriptions } from '../services/notifications'

const body = {
  type: 'object',
  required: ['accepted'],
  additionalProperties: false,
  properties: { accepted: { type: 'array', maxItems: 10, items: { type: 'string', minLength: 1, maxLength: 128 } } },
} as const

export default async function meRoutes(app: FastifyInstance) {
  app.post<{ Body: { accepted: string[] } }>(
    '/me/subscriptions',
    {
      onRequest: app.allow('guardian'),
      schema: { body, response: responses({ 200: { type: 'object', properties: { credits: { type: 'integer' } } } }) },
    },
    async (req) => acceptSubscriptions(app, req.actor!, req.body.accepted),
  )
}

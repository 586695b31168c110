/**
 * The worker's side: the queue of their region (services/queue.ts), the 待复核 list (services/recheck.ts) and
 * the review action (services/review.ts).
 */
import type { FastifyInstance } from 'fastify'
import { WORKER_ROLES } from '../actor'
import { briefSchema, idOf, idParams, pageQuery, queueQuery, queueSchema, responses, type WithId } from '../schemas'
import { queue, type QueueQuery } from '../services/queue'
import { rechecks } from '../services/recheck'
import { review } from '../services/review'

export default async function reviewRoutes(app: FastifyInstance) {
  const worker = app.allow(...WORKER_ROLES)

  app.get<{ Querystring: QueueQuery }>(
    '/review/queue',
    {
      onRequest: worker,
      schema: { querystring: queueQuery, response: responses({ 200: queueSchema }) },
    },
    async (req) => queue(app, req.actor!, req.query),
  )

  app.get<{ Querystring: { cursor?: string; limit?: number } }>(
    '/review/rechecks',
    {
      onRequest: worker,
      schema: { querystring: pageQuery, response: responses({ 200: queueSchema }) },
    },
    async (req) => rechecks(app, req.actor!, req.query),
  )

  app.post<WithId>(
    '/registrations/:id/review',
    {
      onRequest: worker,
      schema: { params: idParams, response: responses({ 200: briefSchema }) },
    },
    async (req) => review(app, req.actor!, idOf(req), req.body, req.ip),
  )
}

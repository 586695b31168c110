/** Liveness and readiness: 200 when the database answers a query, 503 when it does not. */
import type { FastifyInstance } from 'fastify'
import { readiness } from '../services/health'

export default async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', async (_req, reply) => {
    const state = await readiness(app)
    return state.ok ? state : reply.code(503).send(state)
  })
}

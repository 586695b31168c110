/** Liveness and readiness: the database answers a query. */
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'

export default async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', async (_req, reply) => {
    try {
      await sql`select 1`.execute(app.db)
      return { ok: true, database: app.dialect }
    } catch {
      return reply.code(503).send({ ok: false, database: app.dialect })
    }
  })
}

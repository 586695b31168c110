/** Readiness: the server is ready when its database answers; which database is named for the operator. */
import type { FastifyInstance } from 'fastify'
import { ping } from '../db/connect'

export async function readiness(app: FastifyInstance) {
  return { ok: await ping(app.db), database: app.dialect }
}

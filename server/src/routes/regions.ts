/**
 * Division codes for the region picker: the next level of any code, and all villages of a county in one
 * response (the app caches it per county). Public — these are the statistics bureau's published codes —
 * and cacheable: a strong ETag and a day of max-age; the data changes once a year with a new release.
 */
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { responses } from '../schemas'
import { childrenOf, villagesOf } from '../services/regions'

const codeParams = { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^\\d{2,12}$' } } } as const
type P = { Params: { code: string } }

function cached(req: FastifyRequest, reply: FastifyReply, body: unknown) {
  const json = JSON.stringify(body)
  const etag = `"${createHash('sha1').update(json).digest('base64url')}"`
  reply.header('ETag', etag).header('Cache-Control', 'public, max-age=86400')
  if (req.headers['if-none-match'] === etag) return reply.code(304).send()
  return reply.type('application/json; charset=utf-8').send(json)
}

export default async function regionRoutes(app: FastifyInstance) {
  app.get<P>(
    '/regions/:code/children',
    {
      schema: { params: codeParams, response: responses({}) },
    },
    async (req, reply) => cached(req, reply, childrenOf(app, req.params.code)),
  )

  app.get<P>(
    '/regions/:code/villages',
    {
      schema: { params: codeParams, response: responses({}) },
    },
    async (req, reply) => cached(req, reply, villagesOf(app, req.params.code)),
  )
}

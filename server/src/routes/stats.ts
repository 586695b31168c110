/**
 * Counts and the roster, for the caller's region or a part of it (`?region=`). Asking for a region outside
 * one's own is refused (403); a worker without a region gets 403 too — never an unscoped answer.
 */
import type { FastifyInstance } from 'fastify'
import type { VisitIntervals } from '../../../src/domain/visits'
import { STAFF_ROLES, type Actor } from '../actor'
import { forbidden } from '../errors'
import { regionQuery, responses } from '../schemas'
import { regionRange, regionWithin } from '../scope'
import { exportRoster } from '../services/export'
import { stats } from '../services/stats'

type Query = { Querystring: { region?: string; mask?: '0' | '1' } }

/** The region asked for, if it lies within the caller's own; the authorisation step of both routes. */
function scopeOf(actor: Actor, region: string | undefined) {
  if (!regionRange(actor.regionCode)) throw forbidden('账号未分配管辖地区，请联系县级民政部门')
  const range = regionWithin(actor.regionCode, region ?? actor.regionCode!)
  if (!range) throw forbidden('只能查看本辖区的数据')
  return range
}

export default async function statsRoutes(app: FastifyInstance, opts: { visitIntervals?: VisitIntervals } = {}) {
  // City and province administrators see their region's counts and roster, and nothing of single records.
  const worker = app.allow(...STAFF_ROLES)

  app.get<Query>(
    '/stats',
    {
      onRequest: worker,
      schema: { querystring: regionQuery, response: responses({ 200: { type: 'object', additionalProperties: true } }) },
    },
    async (req) => stats(app, scopeOf(req.actor!, req.query.region), opts.visitIntervals ?? {}),
  )

  app.get<Query>(
    '/export.xlsx',
    {
      onRequest: worker,
      schema: { querystring: regionQuery },
    },
    async (req, reply) => {
      const range = scopeOf(req.actor!, req.query.region)
      const { stream, regionCode, regionName, date } = await exportRoster(app, req.actor!, range, req.query.mask === '1', req.ip)
      const filename = encodeURIComponent(`花名册-${regionName}-${date}.xlsx`)
      return reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', `attachment; filename="roster-${regionCode}-${date}.xlsx"; filename*=UTF-8''${filename}`)
        .header('Cache-Control', 'no-store')
        .send(stream)
    },
  )
}

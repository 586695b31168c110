/**
 * Monthly home visits (services/visits.ts): the village worker's 本月待走访 list, and the completion by
 * village for the township and every level above it, within the caller's region (`?region=` narrows it).
 */
import type { FastifyInstance } from 'fastify'
import type { VisitIntervals } from '../../../src/domain/visits'
import type { Actor } from '../actor'
import { forbidden } from '../errors'
import { responses } from '../schemas'
import { regionRange, regionWithin } from '../scope'
import { completion, dueList, monthOrNow } from '../services/visits'

const monthQuery = {
  type: 'object',
  properties: { month: { type: 'string', maxLength: 20 }, region: { type: 'string', pattern: '^\\d{2,12}$' } },
} as const

const open = { type: 'object', additionalProperties: true } as const

function scopeOf(actor: Actor, region: string | undefined) {
  if (!regionRange(actor.regionCode)) throw forbidden('账号未分配管辖地区，请联系县级民政部门')
  const range = regionWithin(actor.regionCode, region ?? actor.regionCode!)
  if (!range) throw forbidden('只能查看本辖区的数据')
  return range
}

export default async function visitRoutes(app: FastifyInstance, opts: { intervals: VisitIntervals }) {
  type Query = { Querystring: { month?: string; region?: string } }

  app.get<Query>(
    '/visits/due',
    { onRequest: app.allow('village_worker'), schema: { querystring: monthQuery, response: responses({ 200: open }) } },
    async (req) => dueList(app, req.actor!, monthOrNow(req.query.month), opts.intervals),
  )

  app.get<Query>(
    '/visits/completion',
    {
      onRequest: app.allow('township_supervisor', 'county_admin', 'city_admin', 'province_admin'),
      schema: { querystring: monthQuery, response: responses({ 200: open }) },
    },
    async (req) => completion(app, scopeOf(req.actor!, req.query.region), monthOrNow(req.query.month), opts.intervals),
  )
}

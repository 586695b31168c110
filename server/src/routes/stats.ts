/**
 * Counts and the roster, for the caller's region or a part of it (`?region=`). Asking for a region outside
 * one's own is refused (403); a worker without a region gets 403 too — never an unscoped answer.
 */
import type { FastifyInstance } from 'fastify'
import { CATEGORIES } from '../../../src/domain/eligibility'
import { chinaToday } from '../../../src/domain/dates'
import type { Visit } from '../../../src/domain/review'
import { STATUSES } from '../../../src/domain/status'
import { audit } from '../db/audit'
import { num } from '../db/connect'
import { verifications, workerDetails } from '../db/events'
import { inRegion, regionStats } from '../db/registrations'
import { forbidden } from '../errors'
import { WORKER_ROLES, type Actor } from '../plugins/auth'
import { regionQuery, responses } from '../schemas'
import { regionRange, regionWithin } from '../scope'
import { buildRoster } from '../services/roster'
import type { EventDetail } from '../services/views'

type Query = { Querystring: { region?: string; mask?: '0' | '1' } }

function scopeOf(actor: Actor, region: string | undefined) {
  if (!regionRange(actor.regionCode)) throw forbidden('账号未分配管辖地区，请联系县级民政部门')
  const range = regionWithin(actor.regionCode, region ?? actor.regionCode!)
  if (!range) throw forbidden('只能查看本辖区的数据')
  return range
}

const zeroByStatus = () => Object.fromEntries(STATUSES.map((s) => [s.code, 0])) as Record<string, number>

export default async function statsRoutes(app: FastifyInstance) {
  const worker = app.allow(...WORKER_ROLES)

  app.get<Query>('/stats', {
    onRequest: worker,
    schema: { querystring: regionQuery, response: responses({ 200: { type: 'object', additionalProperties: true } }) },
  }, async (req) => {
    const range = scopeOf(req.actor!, req.query.region)
    const { byStatus, byVillage } = await regionStats(app.db, range)
    const status = zeroByStatus()
    const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c.code, zeroByStatus()]))
    for (const r of byStatus) {
      status[r.status] = num(r.n)
      for (const c of CATEGORIES) byCategory[c.code][r.status] = num((r as Record<string, unknown>)[c.code])
    }
    const villages = new Map<string, { code: string; name: string; total: number; byStatus: Record<string, number> }>()
    for (const r of byVillage) {
      const v = villages.get(r.village_code) ?? { code: r.village_code, name: app.regions.name(r.village_code) ?? '', total: 0, byStatus: zeroByStatus() }
      v.byStatus[r.status] = num(r.n)
      v.total += num(r.n)
      villages.set(r.village_code, v)
    }
    return {
      region: { code: range.prefix, name: app.regions.fullName(range.prefix) ?? '' },
      total: Object.values(status).reduce((a, b) => a + b, 0),
      byStatus: status,
      byCategory,
      byVillage: range.prefix.length < 12 ? [...villages.values()] : undefined,
    }
  })

  app.get<Query>('/export.xlsx', {
    onRequest: worker,
    schema: { querystring: regionQuery },
  }, async (req, reply) => {
    const actor = req.actor!
    const range = scopeOf(actor, req.query.region)
    const full = actor.role !== 'village_worker' && req.query.mask !== '1'
    const rows = await inRegion(app.db, range, ['withdrawn'])
    const ids = rows.map((r) => r.id)
    const assessments = new Map<string, Visit['guardianshipAssessment']>()
    for (const e of await workerDetails(app.db, ids)) {
      const d = app.vault.openJson<EventDetail>(e.detail!, `${e.registration_id}#${e.version}`)
      const visit = d.visit as Visit | undefined
      if (visit) assessments.set(e.registration_id, visit.guardianshipAssessment)
    }
    const regionName = app.regions.fullName(range.prefix) ?? range.prefix
    const today = chinaToday()
    const xlsx = await buildRoster(app, {
      title: `${regionName}农村留守儿童和困境儿童信息花名册（${today}）`, rows, full,
      verifiedBy: await verifications(app.db, ids), assessments,
    })
    await audit(app.db, { actor, action: 'export', targetType: 'region', targetId: range.prefix, regionCode: range.prefix, ip: req.ip, detail: { rows: rows.length, fullIdNumbers: full } })
    const filename = encodeURIComponent(`花名册-${regionName}-${today}.xlsx`)
    return reply
      .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename="roster-${range.prefix}-${today}.xlsx"; filename*=UTF-8''${filename}`)
      .header('Cache-Control', 'no-store')
      .send(xlsx)
  })
}

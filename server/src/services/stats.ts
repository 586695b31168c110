/**
 * Counts for a region: by status, by category and status, and (above village level) by village. Every
 * status and category appears, zero or not, so a client can draw a fixed table without knowing the codes.
 */
import type { FastifyInstance } from 'fastify'
import type { RegionStats, VillageStats } from '../../../src/domain/api'
import { CATEGORIES, type Category } from '../../../src/domain/eligibility'
import { STATUSES, type Status } from '../../../src/domain/status'
import { num } from '../db/connect'
import { regionStats } from '../db/registrations'
import { quarterOf } from '../../../src/domain/quarterly'
import { today } from '../clock'
import { quarterCompletion } from './quarterly-progress'
import type { RegionRange } from '../scope'
import { reportStats } from './report-stats'
import { completion, monthOrNow } from './visits'
import type { VisitIntervals } from '../../../src/domain/visits'
import { transferStats } from './transfer-stats'

const zeroByStatus = () => Object.fromEntries(STATUSES.map((s) => [s.code, 0])) as Record<Status, number>

export async function stats(app: FastifyInstance, range: RegionRange, visitIntervals: VisitIntervals = {}): Promise<RegionStats> {
  const { byStatus, byVillage } = await regionStats(app.db, range)
  const status = zeroByStatus()
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c.code, zeroByStatus()])) as Record<Category, Record<Status, number>>
  for (const r of byStatus) {
    status[r.status] = num(r.n)
    for (const c of CATEGORIES) byCategory[c.code][r.status] = num((r as Record<string, unknown>)[c.code])
  }
  const villages = new Map<string, VillageStats>()
  for (const r of byVillage) {
    const v = villages.get(r.village_code) ?? {
      code: r.village_code,
      name: app.regions.name(r.village_code) ?? '',
      total: 0,
      byStatus: zeroByStatus(),
    }
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
    visits: await completion(app, range, monthOrNow(undefined), visitIntervals),
    quarterly: await quarterCompletion(app, range, quarterOf(today())),
    reports: await reportStats(app, range),
    transfers: await transferStats(app, range),
  }
}

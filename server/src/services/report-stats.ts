/** The overview's report block: open reports and those past the 24-hour first-contact clock, by village. */
import type { FastifyInstance } from 'fastify'
import type { ReportCounts } from '../../../src/domain/report-api'
import { now } from '../clock'
import { reportCounts } from '../db/reports'
import type { RegionRange } from '../scope'

export async function reportStats(app: FastifyInstance, range: RegionRange): Promise<ReportCounts> {
  const rows = await reportCounts(app.db, range, now())
  return {
    open: rows.reduce((n, r) => n + r.open, 0),
    overdue: rows.reduce((n, r) => n + r.overdue, 0),
    byVillage: rows.map((r) => ({ code: r.village_code, name: app.regions.name(r.village_code) ?? '', open: r.open, overdue: r.overdue })),
  }
}

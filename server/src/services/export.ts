/**
 * The roster export of a region: which rows, whether ID numbers and phones are full, the verifier and the
 * latest home-visit assessment of each child, and the audit row saying what was produced. The workbook
 * itself is drawn by roster.ts.
 */
import type { FastifyInstance } from 'fastify'
import type { Visit } from '../../../src/domain/review'
import type { Actor } from '../actor'
import { today } from '../clock'
import { audit } from '../db/audit'
import { verifications, workerDetails } from '../db/events'
import { inRegion } from '../db/registrations'
import type { RegionRange } from '../scope'
import { buildRoster } from './roster'
import type { EventDetail } from './views'

/**
 * Full numbers for the township and county levels, who hand the roster to the civil-affairs office;
 * masked for village workers, or when the caller asks for `mask=1`.
 */
const fullNumbersFor = (actor: Actor, askedMasked: boolean) => actor.role !== 'village_worker' && !askedMasked

/** Each record's latest guardianship assessment, from the encrypted visit records of village workers. */
async function assessmentsOf(app: FastifyInstance, ids: string[]) {
  const assessments = new Map<string, Visit['guardianshipAssessment']>()
  // Oldest first: a later visit's assessment replaces an earlier one.
  for (const e of await workerDetails(app.db, ids)) {
    const d = app.vault.openJson<EventDetail>(e.detail!, `${e.registration_id}#${e.version}`)
    const visit = d.visit as Visit | undefined
    if (visit) assessments.set(e.registration_id, visit.guardianshipAssessment)
  }
  return assessments
}

export async function exportRoster(app: FastifyInstance, actor: Actor, range: RegionRange, askedMasked: boolean, ip: string) {
  const full = fullNumbersFor(actor, askedMasked)
  const rows = await inRegion(app.db, range, ['withdrawn'])
  const ids = rows.map((r) => r.id)
  const regionName = app.regions.fullName(range.prefix) ?? range.prefix
  const date = today()
  const xlsx = await buildRoster(app, {
    title: `${regionName}农村留守儿童和困境儿童信息花名册（${date}）`, rows, full,
    verifiedBy: await verifications(app.db, ids), assessments: await assessmentsOf(app, ids),
  })
  await audit(app.db, { actor, action: 'export', targetType: 'region', targetId: range.prefix, regionCode: range.prefix, ip, detail: { rows: rows.length, fullIdNumbers: full } })
  return { xlsx, regionCode: range.prefix, regionName, date }
}

/**
 * The roster export of a region: which rows, whether ID numbers and phones are full, the verifier and the
 * latest home-visit assessment of each child, and the audit row saying what was produced. The workbook
 * itself is written by roster.ts, row by row into exceljs's streaming writer.
 */
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import type { Actor } from '../actor'
import { today } from '../clock'
import { audit } from '../db/audit'
import { verifications } from '../db/events'
import { inRegion } from '../db/registrations'
import type { RegionRange } from '../scope'
import { FORM_WORDS } from '../forms/words'
import { assessmentsOf } from './assessments'
import { writeRoster } from './roster'

/**
 * Full numbers for the township and county levels, who hand the roster to the civil-affairs office;
 * masked for village workers, for the city and province levels (who read counts and lists, and never
 * work on one child's case), or when the caller asks for `mask=1`.
 */
export const fullNumbersFor = (actor: Actor, askedMasked: boolean) =>
  (actor.role === 'township_supervisor' || actor.role === 'county_admin') && !askedMasked

export async function exportRoster(app: FastifyInstance, actor: Actor, range: RegionRange, askedMasked: boolean, ip: string) {
  const full = fullNumbersFor(actor, askedMasked)
  const rows = await inRegion(app.db, range, ['withdrawn'])
  const ids = rows.map((r) => r.id)
  const regionName = app.regions.fullName(range.prefix) ?? range.prefix
  const date = today()
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (c: Buffer) => chunks.push(c))
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })
  wb.creator = FORM_WORDS.producer
  writeRoster(app, wb, {
    unit: regionName,
    date,
    rows,
    full,
    perVillage: actor.role !== 'village_worker',
    verifiedBy: await verifications(app.db, ids),
    assessments: await assessmentsOf(app, ids),
  })
  await wb.commit()
  await audit(app.db, {
    actor,
    action: 'export',
    targetType: 'region',
    targetId: range.prefix,
    regionCode: range.prefix,
    ip,
    detail: { rows: rows.length, fullIdNumbers: full },
  })
  return { xlsx: Buffer.concat(chunks), regionCode: range.prefix, regionName, date }
}

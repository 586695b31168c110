/**
 * The roster export of a region: which rows, whether ID numbers and phones are full, the verifier and the
 * latest home-visit assessment of each child, and the audit row saying what was produced. The workbook
 * itself is written by roster.ts, row by row into exceljs's streaming writer, whose output is the reply.
 */
import { once } from 'node:events'
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import type { Actor } from '../actor'
import { today } from '../clock'
import { audit } from '../db/audit'
import { verifications } from '../db/events'
import { rosterCounts, rosterPage, type RosterCursor } from '../db/roster'
import type { Status } from '../../../src/domain/status'
import type { RegionRange } from '../scope'
import { FORM_WORDS } from '../forms/words'
import { assessmentsOf } from './assessments'
import { writeRoster, type RosterPage } from './roster'

/**
 * Full numbers for the township and county levels, who hand the roster to the civil-affairs office;
 * masked for village workers, for the city and province levels (who read counts and lists, and never
 * work on one child's case), or when the caller asks for `mask=1`.
 */
export const fullNumbersFor = (actor: Actor, askedMasked: boolean) =>
  (actor.role === 'township_supervisor' || actor.role === 'county_admin') && !askedMasked

/** Rows per database read: enough to keep round trips few, small enough that a city never sits in memory. */
export const ROSTER_PAGE_SIZE = 500
const EXCLUDED: Status[] = ['withdrawn']

/** Whether `row` comes strictly after `cursor` in the roster's order (village, creation time, id). */
function isAfter(row: RosterCursor, cursor: RosterCursor): boolean {
  const a = [row.village_code, row.created_at, row.id]
  const b = [cursor.village_code, cursor.created_at, cursor.id]
  const first = a.findIndex((v, i) => v !== b[i])
  return first >= 0 && a[first] > b[first]
}

/** The region's rows page by page, each with its verifiers and assessments; stops when the reader went away. */
async function* pagesOf(app: FastifyInstance, range: RegionRange, pageSize: number, out: PassThrough): AsyncGenerator<RosterPage> {
  let after: RosterCursor | undefined
  for (;;) {
    if (out.destroyed) throw new Error('roster export: the download was abandoned')
    // Backpressure: a slow phone is not a reason to read the whole region into the buffer.
    if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')])
    const rows = await rosterPage(app.db, range, EXCLUDED, after, pageSize)
    if (!rows.length) return
    // A page that does not start after the last one would repeat rows, and loop for ever: fail instead.
    if (after && !isAfter(rows[0], after)) throw new Error('roster export: a page did not advance past the previous one')
    const ids = rows.map((r) => r.id)
    yield { rows, verifiedBy: await verifications(app.db, ids), assessments: await assessmentsOf(app, ids) }
    if (rows.length < pageSize) return
    after = rows[rows.length - 1]
  }
}

/**
 * Starts the roster of `range` and hands back its stream at once, for the reply to send while the rows are
 * read, page by page, and written. The audit row (with the number of rows written) goes in before the
 * workbook is finished; if anything fails on the way the stream is destroyed, so the download breaks off
 * instead of ending as a file that looks whole.
 */
export async function exportRoster(
  app: FastifyInstance,
  actor: Actor,
  range: RegionRange,
  askedMasked: boolean,
  ip: string,
  pageSize = ROSTER_PAGE_SIZE,
) {
  const full = fullNumbersFor(actor, askedMasked)
  const regionName = app.regions.fullName(range.prefix) ?? range.prefix
  const date = today()
  const counts = await rosterCounts(app.db, range, EXCLUDED)
  const stream = new PassThrough()
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })
  wb.creator = FORM_WORDS.producer
  const write = async () => {
    const rows = await writeRoster(app, wb, {
      unit: regionName,
      date,
      counts,
      pages: pagesOf(app, range, pageSize, stream),
      full,
      perVillage: actor.role !== 'village_worker',
    })
    await audit(app.db, {
      actor,
      action: 'export',
      targetType: 'region',
      targetId: range.prefix,
      regionCode: range.prefix,
      ip,
      detail: { rows, fullIdNumbers: full },
    })
    await wb.commit()
  }
  write().catch((err: unknown) => {
    app.log.error({ err, region: range.prefix }, 'roster export failed')
    stream.destroy(err instanceof Error ? err : new Error(String(err)))
  })
  return { stream, regionCode: range.prefix, regionName, date }
}

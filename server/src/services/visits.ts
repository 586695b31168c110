/**
 * Monthly home visits (docs/lifecycle.md, "Monthly visits"). Each `record_visit` is also a row of `visits`,
 * written with its history event; the village worker's 本月待走访 list and the completion counts above the
 * village read those rows with the rules of src/domain/visits.ts. The month is China's; a month the caller
 * does not name is this one by the server's clock.
 */
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { VillageVisits, VisitCompletion, VisitDueItem, VisitDuePage } from '../../../src/domain/api'
import { labelOf } from '../../../src/domain/codes'
import type { Visit } from '../../../src/domain/review'
import {
  VISIT_STATES,
  chinaMonth,
  intervalFor,
  isMonth,
  monthOf,
  monthsLate,
  visitStanding,
  type Month,
  type VisitIntervals,
  type VisitStanding,
  type VisitState,
} from '../../../src/domain/visits'
import type { Actor } from '../actor'
import { nowMs } from '../clock'
import { categoriesOf, type RegistrationRow } from '../db/registrations'
import type { Database } from '../db/types'
import { activeBriefs, activeRecords, confirmedAt, insertVisit, visitMonths } from '../db/visits'
import { badRequest } from '../errors'
import { regionRange, type RegionRange } from '../scope'
import { queueItem } from './views'

/** What the sealed column holds: the worker's findings and words, never in plaintext. */
export const visitAad = (id: string, version: number) => `visit:${id}#${version}`

/** Called by the review action in its transaction, with the version of the event it writes. */
export async function storeVisit(
  app: FastifyInstance,
  trx: Kysely<Database>,
  v: { id: string; version: number; villageCode: string; actorId: string; visit: Visit; at: string },
): Promise<void> {
  const { conclusion, guardianshipAssessment, notes } = v.visit
  await insertVisit(trx, {
    registration_id: v.id,
    version: v.version,
    village_code: v.villageCode,
    month: monthOf(v.visit.date),
    visited_on: v.visit.date,
    actor_id: v.actorId,
    method: v.visit.method,
    detail: app.vault.sealJson({ conclusion, guardianshipAssessment, notes }, visitAad(v.id, v.version)),
    created_at: v.at,
  })
}

/** The month asked for, checked; none: this month in China by the server's clock. */
export function monthOrNow(month: string | undefined): Month {
  if (month === undefined || month === '') return chinaMonth(new Date(nowMs()))
  if (!isMonth(month)) throw badRequest('月份格式不对，应为“2026-03”这样的年-月', [{ path: ['month'], message: '月份格式不对' }])
  return month
}

interface Standing {
  id: string
  village: string
  standing: VisitStanding
}

/** Every supported record of the range with where it stands in `month`. */
async function standings(
  app: FastifyInstance,
  range: RegionRange,
  month: Month,
  intervals: VisitIntervals,
  rows: Pick<RegistrationRow, 'id' | 'village_code' | 'cat_left_behind' | 'cat_difficulty' | 'cat_de_facto_unsupported' | 'cat_orphan'>[],
) {
  const [visits, confirmed] = [await visitMonths(app.db, range, month), await confirmedAt(app.db, range)]
  return rows.map((r): Standing & { done?: { date: string; method: string } } => {
    const done = visits.done.get(r.id)
    const last = visits.last.get(r.id)
    const confirmedOn = confirmed.get(r.id)
    const standing = visitStanding(
      {
        visitMonths: [last, done ? month : undefined].filter((m): m is string => !!m),
        // A supported record without a 确认 event (imported before the history existed) is due from now.
        confirmedMonth: confirmedOn ? chinaMonth(new Date(confirmedOn)) : month,
        interval: intervalFor(categoriesOf(r), intervals),
      },
      month,
    )
    return { id: r.id, village: r.village_code, standing, done }
  })
}

const ORDER: VisitState[] = ['overdue', 'due', 'done', 'not_due']
const zeroCounts = () => Object.fromEntries(VISIT_STATES.map((s) => [s.code, 0])) as Record<VisitState, number>

/** The village worker's 本月待走访: their village's supported records, overdue first, then due, then done. */
export async function dueList(app: FastifyInstance, actor: Actor, month: Month, intervals: VisitIntervals): Promise<VisitDuePage> {
  const range = regionRange(actor.regionCode)
  if (!range) return { month, items: [], counts: zeroCounts() }
  const rows = await activeRecords(app.db, range)
  const byId = new Map(rows.map((r) => [r.id, r]))
  const counts = zeroCounts()
  const items: VisitDueItem[] = []
  for (const s of await standings(app, range, month, intervals, rows)) {
    counts[s.standing.state]++
    if (s.standing.state === 'not_due') continue
    items.push({
      ...queueItem(app, byId.get(s.id)!, actor.role, false),
      visit: {
        state: s.standing.state,
        stateLabel: labelOf(VISIT_STATES, s.standing.state),
        dueMonth: s.standing.dueMonth,
        ...(s.standing.lastMonth ? { lastMonth: s.standing.lastMonth } : {}),
        ...(s.done ? { doneOn: s.done.date, doneMethod: s.done.method } : {}),
        monthsLate: monthsLate(s.standing, month),
      },
    })
  }
  items.sort((a, b) => ORDER.indexOf(a.visit.state) - ORDER.indexOf(b.visit.state) || a.visit.dueMonth.localeCompare(b.visit.dueMonth))
  return { month, items, counts }
}

/** Township and above: per village, how many supported records needed a visit in `month`, and how many had one. */
export async function completion(
  app: FastifyInstance,
  range: RegionRange,
  month: Month,
  intervals: VisitIntervals,
): Promise<VisitCompletion> {
  const rows = await activeBriefs(app.db, range)
  const villages = new Map<string, VillageVisits>()
  for (const s of await standings(app, range, month, intervals, rows)) {
    if (s.standing.state === 'not_due') continue
    const v = villages.get(s.village) ?? { code: s.village, name: app.regions.name(s.village) ?? '', due: 0, done: 0 }
    v.due++
    if (s.standing.state === 'done') v.done++
    villages.set(s.village, v)
  }
  const byVillage = [...villages.values()].sort((a, b) => a.code.localeCompare(b.code))
  return {
    region: { code: range.prefix, name: app.regions.fullName(range.prefix) ?? '' },
    month,
    due: byVillage.reduce((n, v) => n + v.due, 0),
    done: byVillage.reduce((n, v) => n + v.done, 0),
    byVillage,
  }
}

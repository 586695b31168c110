/**
 * 动态更新, as the workers and the guardian see it: the quarter's completion by village (`GET /review/quarterly`,
 * the `quarterly` block of `GET /stats`), who has not answered yet (village workers), and the question on a
 * guardian's confirmed record.
 */
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { QuarterlyProgress, QuarterlyPrompt } from '../../../src/domain/api'
import { parseQuarter, quarterBounds, quarterLabel, quarterOf, type Quarter } from '../../../src/domain/quarterly'
import { ACTIVE_STATUSES } from '../../../src/domain/status'
import type { Actor } from '../actor'
import { today } from '../clock'
import { num } from '../db/connect'
import { completionByVillage, findAnswer, unanswered } from '../db/quarterly'
import type { RegistrationRow } from '../db/registrations'
import type { Database } from '../db/types'
import { badRequest, forbidden } from '../errors'
import { regionRange, type RegionRange } from '../scope'
import { queueItem } from './views'

/** At most this many names in the village worker's list of who has not answered. */
const PENDING_LIMIT = 200

/** The quarter asked for (`?quarter=2026Q4`), this quarter when none is given; never one still to come. */
export function quarterAsked(value: string | undefined): Quarter {
  const current = quarterOf(today())
  if (value === undefined || value === '') return current
  const quarter = parseQuarter(value)
  if (!quarter) throw badRequest('季度的写法不对，例如 2026Q4', [{ path: ['quarter'], message: '季度应写作“年份Q季度”，例如 2026Q4' }])
  if (quarter > current) throw badRequest('这个季度还没有开始', [{ path: ['quarter'], message: `现在是${quarterLabel(current)}` }])
  return quarter
}

/** Every confirmed record of the range is asked once a quarter, whatever else is under way (终止, a change). */
export async function quarterCompletion(app: FastifyInstance, range: RegionRange, quarter: Quarter): Promise<QuarterlyProgress> {
  const rows = await completionByVillage(app.db, range, quarter, ACTIVE_STATUSES)
  const villages = rows.map((r) => ({
    code: r.village_code,
    name: app.regions.name(r.village_code) ?? '',
    due: num(r.due),
    answered: num(r.answered),
    changed: num(r.changed ?? 0),
  }))
  const total = (k: 'due' | 'answered' | 'changed') => villages.reduce((n, v) => n + v[k], 0)
  return {
    quarter,
    label: quarterLabel(quarter),
    ...quarterBounds(quarter),
    due: total('due'),
    answered: total('answered'),
    changed: total('changed'),
    villages,
  }
}

export async function quarterlyProgress(app: FastifyInstance, actor: Actor, query: { quarter?: string }): Promise<QuarterlyProgress> {
  const quarter = quarterAsked(query.quarter)
  const range = regionRange(actor.regionCode)
  if (!range) throw forbidden('账号未分配管辖地区，请联系县级民政部门')
  const progress = await quarterCompletion(app, range, quarter)
  if (actor.role !== 'village_worker') return progress
  const rows = await unanswered(app.db, range, quarter, ACTIVE_STATUSES, PENDING_LIMIT)
  return { ...progress, pending: rows.map((row) => queueItem(app, row, actor.role, false)) }
}

/** This quarter's question on a guardian's record: only while the child is confirmed (and not yet ended). */
export async function quarterlyPrompt(ex: Kysely<Database>, row: RegistrationRow): Promise<QuarterlyPrompt | null> {
  if (!ACTIVE_STATUSES.includes(row.status)) return null
  const quarter = quarterOf(today())
  const answer = await findAnswer(ex, row.id, quarter)
  return {
    quarter,
    label: quarterLabel(quarter),
    answer: answer?.answer ?? null,
    answeredAt: answer?.answered_at ?? null,
    canChange: row.status === 'confirmed',
  }
}

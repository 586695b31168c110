/**
 * 终止/减员 of a confirmed record (docs/lifecycle.md). The moves themselves are review actions (status.ts,
 * applied by services/review.ts); this module says what each one keeps in its encrypted event detail and
 * reads the proposal and the decision back for the record's views.
 */
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { TerminationNote } from '../../../src/domain/api'
import { supportStopsFrom, terminationReasonLabel } from '../../../src/domain/lifecycle'
import type { ReviewInput } from '../../../src/domain/review'
import type { Role } from '../../../src/domain/status'
import { today } from '../clock'
import { latestEvent } from '../db/events'
import type { RegistrationRow } from '../db/registrations'
import type { Database } from '../db/types'
import type { EventDetail } from './views'

const UNDER_WAY = new Set(['termination_proposed', 'termination_agreed'])

/** What a termination step adds to its event: the proposal's reason; the decision's month support stops. */
export function terminationDetail(input: ReviewInput): Pick<EventDetail, 'termination' | 'supportStopsFrom'> {
  if (input.action === 'propose_termination') return { termination: input.termination }
  if (input.action === 'terminate') return { supportStopsFrom: supportStopsFrom(today()) }
  return {}
}

/** What the county's decision tells the guardian: the proposal's reason code and the month support stops. */
export async function decisionFacts(
  app: FastifyInstance,
  ex: Kysely<Database>,
  id: string,
): Promise<{ reason: string; supportStopsFrom: string } | undefined> {
  const proposal = await latestEvent(ex, id, 'propose_termination')
  if (!proposal?.detail) return undefined
  const asked = app.vault.openJson<EventDetail>(proposal.detail, `${id}#${proposal.version}`).termination
  return asked ? { reason: asked.reason, supportStopsFrom: supportStopsFrom(today()) } : undefined
}

/**
 * The proposal under way, or the decision taken. Workers see the words written with the proposal; the
 * guardian sees the reason and, once the county has decided, the month — never the worker's words.
 */
export async function terminationInfo(
  app: FastifyInstance,
  ex: Kysely<Database>,
  row: RegistrationRow,
  role: Role,
): Promise<TerminationNote | null> {
  const ended = row.status === 'terminated'
  if (!ended && !UNDER_WAY.has(row.status)) return null
  const open = (e: { detail: string | null; version: number }): EventDetail =>
    e.detail ? app.vault.openJson<EventDetail>(e.detail, `${row.id}#${e.version}`) : {}
  const proposal = await latestEvent(ex, row.id, 'propose_termination')
  const asked = proposal && open(proposal).termination
  if (!proposal || !asked) return null
  const decision = ended ? await latestEvent(ex, row.id, 'terminate') : undefined
  return {
    reason: asked.reason,
    reasonLabel: terminationReasonLabel(asked.reason),
    ...(role !== 'guardian' && asked.note ? { note: asked.note } : {}),
    proposedAt: proposal.at,
    decidedAt: decision?.at ?? null,
    supportStopsFrom: (decision && open(decision).supportStopsFrom) ?? null,
  }
}

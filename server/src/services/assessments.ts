/**
 * Each record's latest 监护情况评估, from the encrypted visit records of village workers: the roster's and
 * the 一人一表's column of the national form.
 */
import type { FastifyInstance } from 'fastify'
import type { Visit } from '../../../src/domain/review'
import { workerDetails } from '../db/events'
import type { EventDetail } from './views'

export async function assessmentsOf(app: FastifyInstance, ids: string[]) {
  const assessments = new Map<string, Visit['guardianshipAssessment']>()
  // Oldest first: a later visit's assessment replaces an earlier one.
  for (const e of await workerDetails(app.db, ids)) {
    const d = app.vault.openJson<EventDetail>(e.detail!, `${e.registration_id}#${e.version}`)
    const visit = d.visit as Visit | undefined
    if (visit) assessments.set(e.registration_id, visit.guardianshipAssessment)
  }
  return assessments
}

/**
 * The 监护缺失 / 监护不当 findings village workers recorded on their visits (docs/policy.md, "困境儿童"), read from
 * the encrypted visit records: what `classify` is told beside the guardian's answers, so a child whose
 * guardianship a worker found missing or improper counts as a 困境儿童 on every screen and in every count.
 */
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { ClassifyContext, GuardianshipFinding } from '../../../src/domain/eligibility'
import type { Visit } from '../../../src/domain/review'
import { workerDetails } from '../db/events'
import type { Database } from '../db/types'
import type { EventDetail } from './views'

/** Each record's findings, once each, in the order they were first recorded. */
export async function findingsOf(app: FastifyInstance, ids: string[], ex: Kysely<Database> = app.db) {
  const out = new Map<string, GuardianshipFinding[]>()
  if (ids.length === 0) return out
  for (const e of await workerDetails(ex, ids)) {
    const d = app.vault.openJson<EventDetail>(e.detail!, `${e.registration_id}#${e.version}`)
    const found = (d.visit as Visit | undefined)?.guardianshipFinding
    if (!found) continue
    const list = out.get(e.registration_id) ?? []
    if (!list.includes(found)) list.push(found)
    out.set(e.registration_id, list)
  }
  return out
}

/** One record's context for `classify`. */
export async function contextOf(app: FastifyInstance, id: string, ex: Kysely<Database> = app.db): Promise<ClassifyContext> {
  return { findings: (await findingsOf(app, [id], ex)).get(id) ?? [] }
}

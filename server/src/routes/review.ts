/**
 * The worker's side: the queue of their region and the review action. A worker without a valid region
 * gets an empty queue (deny by default); the default filter is what waits for the caller's level.
 */
import type { FastifyInstance } from 'fastify'
import type { Category } from '../../../src/domain/eligibility'
import { normaliseIdInput } from '../../../src/domain/idcard'
import { STATUSES, awaitingRole, type Role, type Status } from '../../../src/domain/status'
import { queueCount, queuePage, withDuplicates, type QueueFilter } from '../db/registrations'
import { badRequest } from '../errors'
import { WORKER_ROLES } from '../plugins/auth'
import { briefSchema, idParams, queueQuery, queueSchema, responses } from '../schemas'
import { regionRange } from '../scope'
import { review } from '../services/review'
import { queueItem } from '../services/views'
import { normaliseName } from '../vault'
import { idOf } from './registrations'

interface QueueQuery {
  status?: Status | 'all'
  category?: Category
  q?: string
  cursor?: string
  limit?: number
}

/** The statuses that wait for this role (status.ts awaitingRole): a village worker's new submissions, etc. */
export function awaiting(role: Role): Status[] {
  return STATUSES.map((s) => s.code).filter((s) => awaitingRole(s) === role)
}

/** Opaque to clients: base64url of "updatedAt|id" of the last item of the previous page. */
const encodeCursor = (updatedAt: string, id: string) => Buffer.from(`${updatedAt}|${id}`).toString('base64url')
function decodeCursor(cursor: string) {
  const [updatedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  if (!updatedAt || !id || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(updatedAt)) throw badRequest('翻页参数不对，请从第一页重新加载')
  return { updatedAt, id }
}

export default async function reviewRoutes(app: FastifyInstance) {
  const worker = app.allow(...WORKER_ROLES)

  app.get<{ Querystring: QueueQuery }>('/review/queue', {
    onRequest: worker,
    schema: { querystring: queueQuery, response: responses({ 200: queueSchema }) },
  }, async (req) => {
    const actor = req.actor!
    const { status, category, q, cursor } = req.query
    const limit = req.query.limit ?? 20
    const range = regionRange(actor.regionCode)
    if (!range) return { items: [], nextCursor: null, total: 0 }
    const filter: QueueFilter = {
      range,
      statuses: status === 'all' ? undefined : status ? [status] : awaiting(actor.role),
      category,
    }
    const term = q?.trim()
    if (term) {
      // Exact matches only, through the lookup hashes: a whole ID number, or a whole name.
      const id = normaliseIdInput(term)
      filter.hmacs = /^\d{17}[\dX]$/.test(id) ? { id: app.vault.lookups('id', id) } : { name: app.vault.lookups('name', normaliseName(term)) }
    }
    const rows = await queuePage(app.db, filter, cursor ? decodeCursor(cursor) : undefined, limit + 1)
    const page = rows.slice(0, limit)
    const dups = await withDuplicates(app.db, page)
    const last = page[page.length - 1]
    return {
      items: page.map((r) => queueItem(app, r, actor.role, dups.has(r.id))),
      nextCursor: rows.length > limit && last ? encodeCursor(last.updated_at, last.id) : null,
      ...(cursor ? {} : { total: await queueCount(app.db, filter) }),
    }
  })

  app.post<{ Params: { id: string } }>('/registrations/:id/review', {
    onRequest: worker,
    schema: { params: idParams, response: responses({ 200: briefSchema }) },
  }, async (req) => review(app, req.actor!, idOf(req), req.body, req.ip))
}

/**
 * The worker's queue: the registrations of their region, newest change first, a page at a time. A worker
 * without a valid region gets an empty queue (deny by default); without a status filter the queue holds
 * what waits for the caller's level. `q=` finds exact matches only, through the lookup hashes (no name or
 * ID number is stored in plaintext to search in).
 */
import type { FastifyInstance } from 'fastify'
import type { QueuePage } from '../../../src/domain/api'
import type { Category } from '../../../src/domain/eligibility'
import { normaliseIdInput } from '../../../src/domain/idcard'
import { CLOSED_STATUSES, STATUSES, awaitingRole, type Role, type Status } from '../../../src/domain/status'
import type { Actor } from '../actor'
import { queueCount, queuePage, withDuplicates, type QueueFilter } from '../db/registrations'
import { badRequest } from '../errors'
import { regionRange } from '../scope'
import { normaliseName } from '../vault'
import { queueItem } from './views'

export interface QueueQuery {
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

const WORKING: Status[] = STATUSES.map((s) => s.code).filter((s) => !CLOSED_STATUSES.includes(s))

/** Opaque to clients: base64url of "updatedAt|id" of the last item of the previous page. */
export const encodeCursor = (updatedAt: string, id: string) => Buffer.from(`${updatedAt}|${id}`).toString('base64url')
export function decodeCursor(cursor: string) {
  const [updatedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  if (!updatedAt || !id || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(updatedAt)) throw badRequest('翻页参数不对，请从第一页重新加载')
  return { updatedAt, id }
}

/** Exact lookups for `q=`: a whole ID number (any case, any spacing), else a whole name. */
function searchHashes(app: FastifyInstance, term: string): QueueFilter['hmacs'] {
  const id = normaliseIdInput(term)
  return /^\d{17}[\dX]$/.test(id) ? { id: app.vault.lookups('id', id) } : { name: app.vault.lookups('name', normaliseName(term)) }
}

export async function queue(app: FastifyInstance, actor: Actor, query: QueueQuery): Promise<QueuePage> {
  const { status, category, q, cursor } = query
  const limit = query.limit ?? 20
  const range = regionRange(actor.regionCode)
  if (!range) return { items: [], nextCursor: null, total: 0 }
  const filter: QueueFilter = {
    range,
    // 'all' is every working status: an ended record (已终止) is listed only when asked for by its status.
    statuses: status === 'all' ? WORKING : status ? [status] : awaiting(actor.role),
    category,
  }
  const term = q?.trim()
  if (term) filter.hmacs = searchHashes(app, term)
  // One row more than the page: whether it exists says whether there is a next page.
  const rows = await queuePage(app.db, filter, cursor ? decodeCursor(cursor) : undefined, limit + 1)
  const page = rows.slice(0, limit)
  const dups = await withDuplicates(app.db, page)
  const last = page[page.length - 1]
  return {
    items: page.map((r) => queueItem(app, r, actor.role, dups.has(r.id))),
    nextCursor: rows.length > limit && last ? encodeCursor(last.updated_at, last.id) : null,
    // `total` with the first page only (docs/api.md): a count over the region costs a query each page would repeat.
    ...(cursor ? {} : { total: await queueCount(app.db, filter) }),
  }
}

/**
 * The outbox item and its state machine, as pure functions (no storage, no network, no React):
 *
 *   queued ──▶ sending ──▶ synced
 *     ▲           │──────▶ failed    (no answer, 5xx, 408, 429, 401 after a fresh sign-in: retried with backoff)
 *     │           │──────▶ rejected  (other 4xx: set aside with the server's reason until the guardian fixes it)
 *     │           └──────▶ conflict  (409 with the server's version: both kept, the guardian chooses)
 *     └── failed when due, or at once on app show / network back; rejected and conflict only by the guardian
 *
 * `sending` is never a resting state: an item found `sending` at start-up was cut off mid-request and goes
 * back to `queued`, to be sent again with the same id and content (the server is idempotent). Nothing here
 * ever drops an item; only the guardian removes one.
 */
import type { ApiIssue, QuarterlyPrompt, RegistrationBase, ReturnedNote, TerminationNote } from '@/domain/api'
import type { Registration } from '@/domain/schema'
import type { Status } from '@/domain/statuses'

export type OutboxStatus = 'queued' | 'sending' | 'synced' | 'failed' | 'rejected' | 'conflict'

/** What the server last said about the item (for registrations: its review status and version). */
export interface ServerState
  extends Pick<RegistrationBase, 'status' | 'version'>, Partial<Pick<RegistrationBase, 'statusLabel' | 'updatedAt' | 'allowedActions'>> {
  /** While returned: the reviewer's reason and the record paths to fix. */
  returned?: ReturnedNote | null
  /** Once ended (已终止): the reason and the month support stops. */
  termination?: TerminationNote | null
  /** Confirmed: this quarter's question (动态更新) and the answer given. */
  quarterly?: QuarterlyPrompt | null
}

export interface OutboxError {
  /** offline: no answer at all; http: the server answered with an error status. */
  kind: 'offline' | 'http'
  status?: number
  /** The server's error code (validation, conflict, gone, …) or a local one (unchanged). */
  code?: string
  message: string
  /** Record paths and messages from a 400. */
  issues?: ApiIssue[]
}

/** The name and nothing else: what 我的登记 needs once a record no longer has to be kept in full. */
export interface SlimRecord {
  child: { name: string }
}

export interface OutboxItem<R = unknown> {
  /** A UUID v4 made on the phone: the server's idempotency key. */
  id: string
  /** Which sender handles the item ('registration', or another kind registered with the sync layer). */
  kind: string
  record: R
  queuedAt: string
  status: OutboxStatus
  /** Sends tried for the current content (reset when the guardian sends new content). */
  attempts: number
  lastAttemptAt?: string
  /** failed: when the next automatic attempt is due. */
  nextRetryAt?: string
  lastError?: OutboxError
  /** An edit of a returned registration names the version it was made on. */
  baseVersion?: number
  server?: ServerState
  /** 409: the server's version, kept beside ours until the guardian chooses (nothing is overwritten). */
  conflict?: { record: unknown; server?: ServerState; code?: string; at: string }
  syncedAt?: string
  /** The record was reduced to a SlimRecord (see SLIM_STATUSES). */
  slim?: boolean
}

export const REGISTRATION = 'registration'
export type RegistrationItem = OutboxItem<Registration | SlimRecord>

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so phones do not retry in step. */
export const RETRY = { baseMs: 5_000, maxMs: 15 * 60_000 } as const

export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY.maxMs, RETRY.baseMs * 2 ** Math.max(0, attempts - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

/** Server statuses after which the phone keeps only the name (verified or further, or taken back). */
export const SLIM_STATUSES: readonly Status[] = [
  'verified',
  'township_approved',
  'confirmed',
  'rejected',
  'withdrawn',
  'termination_proposed',
  'termination_agreed',
  'terminated',
  'update_village',
  'update_township',
  'update_county',
]

export function isSlimRecord(record: unknown): record is SlimRecord {
  const r = record as Registration
  return !!r && typeof r === 'object' && !('parents' in r)
}

/** The record reduced to the child's name when the server's status allows it and nothing is pending. */
export function minimise<R>(item: OutboxItem<R>): OutboxItem<R> {
  if (item.kind !== REGISTRATION || item.slim || item.status !== 'synced' || !item.server) return item
  if (!SLIM_STATUSES.includes(item.server.status)) return item
  const name = String((item.record as { child?: { name?: unknown } })?.child?.name ?? '')
  return { ...item, record: { child: { name } } as unknown as R, slim: true }
}

const iso = (ms: number) => new Date(ms).toISOString()

export function newItem<R>(
  input: { id: string; kind?: string; record: R; baseVersion?: number; server?: ServerState },
  now: number,
): OutboxItem<R> {
  return {
    id: input.id,
    kind: input.kind ?? REGISTRATION,
    record: input.record,
    queuedAt: iso(now),
    status: 'queued',
    attempts: 0,
    ...(input.baseVersion !== undefined ? { baseVersion: input.baseVersion } : {}),
    ...(input.server ? { server: input.server } : {}),
  }
}

export function toSending<R>(item: OutboxItem<R>, now: number): OutboxItem<R> {
  const { nextRetryAt: _n, ...rest } = item
  return { ...rest, status: 'sending', attempts: item.attempts + 1, lastAttemptAt: iso(now) }
}

export function toSynced<R>(item: OutboxItem<R>, server: ServerState | undefined, now: number): OutboxItem<R> {
  const { nextRetryAt: _n, lastError: _e, conflict: _c, baseVersion: _b, ...rest } = item
  return minimise({ ...rest, status: 'synced', syncedAt: iso(now), ...(server ? { server } : {}) })
}

export function toFailed<R>(item: OutboxItem<R>, error: OutboxError, now: number, random?: () => number): OutboxItem<R> {
  return { ...item, status: 'failed', lastError: error, nextRetryAt: iso(now + retryDelay(Math.max(1, item.attempts), random)) }
}

export function toRejected<R>(item: OutboxItem<R>, error: OutboxError): OutboxItem<R> {
  const { nextRetryAt: _n, ...rest } = item
  return { ...rest, status: 'rejected', lastError: error }
}

export function toConflict<R>(item: OutboxItem<R>, error: OutboxError, conflict: OutboxItem['conflict']): OutboxItem<R> {
  const { nextRetryAt: _n, ...rest } = item
  return { ...rest, status: 'conflict', lastError: error, conflict }
}

/** Interrupted mid-request (the app was killed): send again, same id and content. */
export function recoverInterrupted<R>(item: OutboxItem<R>): OutboxItem<R> {
  return item.status === 'sending' ? { ...item, status: 'queued' } : item
}

/** Due for an attempt now: queued, or failed and its time has come (or `force`: app show, network back). */
export function isDue(item: OutboxItem, now: number, force = false): boolean {
  if (item.status === 'queued') return true
  if (item.status !== 'failed') return false
  return force || !item.nextRetryAt || Date.parse(item.nextRetryAt) <= now
}

/** Needs nothing more from anyone: on the server, with no local change pending. */
export const isSettled = (item: OutboxItem) => item.status === 'synced'

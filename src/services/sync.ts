/**
 * The sync layer: sends what the outbox holds and records each answer through the outbox's transitions
 * (store/outbox-machine.ts). Plain functions over the vanilla store — no React — so it runs the same in
 * the app and in tests against the real server.
 *
 * - Items go one at a time, oldest first. When one gets no answer (or a 5xx), the pass stops: the network
 *   or the server is down, and the rest wait for the same retry instead of each failing in turn.
 * - An answer is recorded only if the item still holds what was sent and this engine still owns the store
 *   (a restart in the middle of a request drops the late answer; the item is sent again — idempotent).
 * - Failed items are retried when due (a timer while the app is in the foreground), and at once when the
 *   app comes back to the foreground or the network comes back.
 */
import type { ErrorBody } from '@/domain/api'
import { onForeground, onNetworkBack } from '@/platform/network'
import { RequestError } from '@/platform/request'
import {
  isDue,
  outboxStore,
  recoverInterrupted,
  REGISTRATION,
  toConflict,
  toFailed,
  toRejected,
  toSending,
  toSynced,
  type OutboxError,
  type OutboxItem,
  type OutboxStore,
  type ServerState,
} from '@/store/outbox'
import { canSignInQuietly, currentUserId } from './auth'
import { fetchMine, registrationSender } from './registrations'
import { dropSentReports, REPORT, reportSender } from './reports'
import { dropSentSubscriptions, SUBSCRIPTION, subscriptionSender } from './subscriptions'

/** How one kind of outbox item is sent. The worker pages register their own kinds (e.g. home visits). */
export interface OutboxSender {
  /** Sends the item — the same id and content on every attempt. Rejects with RequestError. */
  send(item: OutboxItem): Promise<unknown>
  /** What a 2xx answer (or a 409's `current`) says about the item, kept as `item.server`. */
  serverState?(answer: unknown): ServerState | undefined
  /** The server's version of the content in a 409's `current`, kept beside ours. */
  conflictRecord?(current: unknown): unknown
  /** A 2xx that still needs the person (e.g. an edit that changed nothing). */
  check?(item: OutboxItem, answer: unknown): OutboxError | undefined
}

const senders = new Map<string, OutboxSender>([
  [REGISTRATION, registrationSender],
  [SUBSCRIPTION, subscriptionSender],
  [REPORT, reportSender],
])

/** Registers a kind of outbox item; items of a kind with no sender wait, untouched, until one exists. */
export function registerSender(kind: string, sender: OutboxSender): () => void {
  senders.set(kind, sender)
  appSync?.kick()
  return () => {
    if (senders.get(kind) === sender) senders.delete(kind)
  }
}

/** Statuses worth retrying: no answer, timeouts, rate limits, server trouble, and a 401 that a fresh sign-in did not cure. */
const retryable = (status: number) => status === 401 || status === 408 || status === 425 || status === 429 || status >= 500

export type Outcome = { to: 'failed' | 'rejected'; error: OutboxError } | { to: 'conflict'; error: OutboxError; current: unknown }

export function classify(failure: unknown): Outcome {
  if (!(failure instanceof RequestError) || failure.kind === 'offline' || failure.statusCode === undefined) {
    return { to: 'failed', error: { kind: 'offline', message: failure instanceof Error ? failure.message : String(failure) } }
  }
  const body = (failure.data as Partial<ErrorBody> | undefined)?.error
  const error: OutboxError = {
    kind: 'http',
    status: failure.statusCode,
    code: body?.code,
    message: body?.message ?? '',
    ...(body?.issues ? { issues: body.issues } : {}),
  }
  if (retryable(failure.statusCode)) return { to: 'failed', error }
  if (failure.statusCode === 409 && body?.current) return { to: 'conflict', error, current: body.current }
  return { to: 'rejected', error }
}

export interface Timers {
  set(fn: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export interface SyncOptions {
  store?: OutboxStore
  now?: () => number
  random?: () => number
  timers?: Timers
}

export function createSync(options: SyncOptions = {}) {
  const store = options.store ?? outboxStore
  const now = options.now ?? Date.now
  const timers = options.timers ?? { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as number) }
  let generation = 0
  let active = false
  let paused = false
  let running: Promise<void> | undefined
  let again = false
  let forceNext = false
  let timer: unknown
  let unsubscribe: (() => void) | undefined
  const items = () => Object.values(store.getState().items).filter((i) => senders.has(i.kind))

  /** Sends one item; false when nothing answered usefully (stop this pass). */
  async function sendOne(id: string, gen: number): Promise<boolean> {
    store.getState().update(id, (i) => toSending(i, now()))
    const sent = store.getState().items[id]
    const sender = senders.get(sent.kind)!
    let answer: unknown
    let failure: unknown
    try {
      answer = await sender.send(sent)
    } catch (error) {
      failure = error ?? new Error('unknown failure')
    }
    if (gen !== generation || !active) return false
    const latest = store.getState().items[id]
    if (!latest || latest.record !== sent.record || latest.baseVersion !== sent.baseVersion) {
      again = true // new content arrived meanwhile: it is sent on the next round
      return true
    }
    if (failure === undefined) {
      const problem = sender.check?.(latest, answer)
      store.getState().update(id, (i) => (problem ? toRejected(i, problem) : toSynced(i, sender.serverState?.(answer), now())))
      return true
    }
    const outcome = classify(failure)
    if (outcome.to === 'failed') {
      store.getState().update(id, (i) => toFailed(i, outcome.error, now(), options.random))
      return false
    }
    if (outcome.to === 'rejected') store.getState().update(id, (i) => toRejected(i, outcome.error))
    else if (outcome.to === 'conflict') {
      const conflict = {
        record: sender.conflictRecord?.(outcome.current) ?? outcome.current,
        server: sender.serverState?.(outcome.current),
        code: outcome.error.code,
        at: new Date(now()).toISOString(),
      }
      store.getState().update(id, (i) => toConflict(i, outcome.error, conflict))
    }
    return true
  }

  async function loop(gen: number) {
    while (again && active && gen === generation) {
      again = false
      const force = forceNext
      forceNext = false
      const due = items()
        .filter((i) => isDue(i, now(), force))
        .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt))
      for (const { id } of due) {
        const item = store.getState().items[id]
        if (!item || !isDue(item, now(), force)) continue
        if (!(await sendOne(id, gen))) break
      }
    }
  }

  function plan() {
    if (timer !== undefined) timers.clear(timer)
    timer = undefined
    if (!active || paused) return
    const times = items()
      .filter((i) => i.status === 'failed' && i.nextRetryAt)
      .map((i) => Date.parse(i.nextRetryAt!))
    if (times.length === 0) return
    timer = timers.set(
      () => {
        timer = undefined
        kick()
      },
      Math.max(0, Math.min(...times) - now()),
    )
  }

  /** Sends what is due; `force` also sends failed items whose retry time has not come yet. */
  function kick(force = false) {
    if (!active) return
    forceNext ||= force
    again = true
    if (running) return
    const gen = generation
    running = loop(gen).finally(() => {
      if (gen !== generation) return
      running = undefined
      if (again) kick()
      else plan()
    })
  }

  return {
    kick,
    /** Starts sending. Items left `sending` by an earlier run get no answer any more: they are sent again. */
    start() {
      if (active) return
      active = true
      paused = false
      generation += 1
      running = undefined
      for (const item of Object.values(store.getState().items)) {
        if (item.status === 'sending') store.getState().update(item.id, recoverInterrupted)
      }
      unsubscribe = store.subscribe((state, prev) => {
        if (state.items === prev.items) return
        if (Object.values(state.items).some((i) => i.status === 'queued' && prev.items[i.id] !== i)) kick()
      })
      kick(true)
    },
    stop() {
      active = false
      generation += 1
      running = undefined
      unsubscribe?.()
      plan()
    },
    /** The app went to the background: no timer (WeChat freezes it anyway). */
    pause() {
      paused = true
      plan()
    },
    /** The app came back, or the network did: everything not yet on the server goes now. */
    resume() {
      paused = false
      kick(true)
    },
    /** Resolves when the current round of sending is over (tests, and pages that wait for a result). */
    async idle() {
      while (running) await running
    },
    refresh: () => refreshMine(store),
  }
}

export type SyncEngine = ReturnType<typeof createSync>

/** Pulls the server's list of the guardian's registrations into the outbox. Rejects with RequestError. */
export async function refreshMine(store: OutboxStore = outboxStore): Promise<void> {
  store.getState().mergeServer(await fetchMine())
}

/** The guardian asked to try now: everything waiting goes at once (no-op before the app's sync starts). */
export function retryNow(): void {
  appSync?.resume()
}

let appSync: SyncEngine | undefined

/** The app's sync, started once at launch and wired to the foreground and network events. */
export function startAppSync(): SyncEngine {
  if (appSync) return appSync
  const engine = createSync()
  appSync = engine
  engine.start()
  outboxStore.subscribe(dropSentSubscriptions)
  outboxStore.subscribe(dropSentReports)
  onNetworkBack(() => engine.resume())
  let lastRefresh = 0
  const refreshNow = () => {
    // In WeChat the sign-in is silent and names the WeChat user, so a guardian on a new phone (or after
    // WeChat's storage was cleared) finds their registrations at launch. In a browser only someone who has
    // registered or signed in here: merely opening the page — a worker, a curious relative — must not make a
    // guardian. 我的登记 itself always asks the server.
    if (!canSignInQuietly() && !currentUserId() && Object.keys(outboxStore.getState().items).length === 0) return
    lastRefresh = Date.now()
    engine.refresh().catch(() => undefined) // offline: the list shows what the phone knows
  }
  onForeground(
    () => {
      engine.resume()
      if (Date.now() - lastRefresh > 60_000) refreshNow()
    },
    () => engine.pause(),
  )
  refreshNow()
  return engine
}

/** The app's sync if started (pages use it to send at once or to refresh; tests start their own). */
export const appSyncEngine = (): SyncEngine | undefined => appSync

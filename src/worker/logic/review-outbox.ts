/**
 * Home visits recorded by a worker go through the app's one outbox (store/outbox.ts), as items of kind
 * `review`: kept on the phone the moment they are saved, sent by the same sync engine as the guardians'
 * registrations (backoff, retry on show and when the network returns), whether the village had signal or
 * not. The item's id is the action's `requestId`, so a resend after a lost answer is one visit on the
 * server. Sent only under the account that recorded it; once the server has it, it leaves the phone.
 *
 * Registered when the worker subpackage loads: until a worker page has been opened in this run of the
 * app, review items wait untouched (the sync engine sends only kinds it has a sender for).
 */
import type { ErrorBody, ReviewBrief } from '@/domain/api'
import type { ReviewInput, Visit } from '@/domain/review'
import { uuidV4 } from '@/platform/ids'
import { RequestError } from '@/platform/request'
import { registerSender, retryNow } from '@/services/sync'
import { enqueueForFirstAnswer } from '@/store/first-answer'
import { outboxStore, useOutbox, type OutboxItem, type ServerState } from '@/store/outbox'
import { VISIT_TEXT } from '../strings'
import { SignedOutError, workerApi } from './api'
import { markChanged } from './refresh'
import { currentSession } from './session'

export const REVIEW_KIND = 'review'

export interface ReviewRecord {
  registrationId: string
  /** The worker who recorded it: only their session sends it. */
  workerId: string
  /** Shown in the list of what waits (the page had the name when the visit was recorded). */
  childName: string
  body: ReviewInput & { requestId: string }
}

export type ReviewItem = OutboxItem<ReviewRecord>

export const isReviewItem = (item: OutboxItem | undefined): item is ReviewItem => item?.kind === REVIEW_KIND

/** The item is not sendable now (no session, or another worker's): a 401 is retried, with backoff. */
const notSignedIn = () =>
  new RequestError('http', 'HTTP 401', 401, { error: { code: 'unauthorized', message: VISIT_TEXT.needSignIn } } satisfies ErrorBody)

async function send(item: OutboxItem): Promise<ReviewBrief> {
  const { registrationId, workerId, body } = (item as ReviewItem).record
  if (currentSession()?.user.id !== workerId) throw notSignedIn()
  try {
    return await workerApi.review(registrationId, body)
  } catch (error) {
    throw error instanceof SignedOutError ? notSignedIn() : error
  }
}

const serverState = (answer: unknown): ServerState | undefined => {
  const b = answer as ReviewBrief | undefined
  return b?.status
    ? { status: b.status, statusLabel: b.statusLabel, version: b.version, updatedAt: b.updatedAt, allowedActions: b.allowedActions }
    : undefined
}

registerSender(REVIEW_KIND, { send, serverState })

// What reached the server needs no copy on the phone (the visit is the family's private matter): it is
// dropped, and the pages reload to show it in the history.
outboxStore.subscribe((state, prev) => {
  if (state.items === prev.items) return
  const done = Object.values(state.items).filter((i) => isReviewItem(i) && i.status === 'synced')
  if (done.length === 0) return
  for (const item of done) outboxStore.getState().remove(item.id)
  markChanged()
})

/** How long saving waits for the first answer before saying "kept on the phone, sent later". */
export const FIRST_ANSWER_MS = 8000

/**
 * Keeps a visit in the outbox and waits briefly for the first attempt: 'synced' (on the server),
 * 'waiting' (no answer: kept, sent later), or the server's refusal.
 */
export async function recordVisit(input: {
  registrationId: string
  childName: string
  visit: Visit
}): Promise<{ outcome: 'synced' | 'waiting' } | { outcome: 'refused'; message: string }> {
  const session = currentSession()
  if (!session) throw new SignedOutError()
  const id = uuidV4()
  const record: ReviewRecord = {
    registrationId: input.registrationId,
    workerId: session.user.id,
    childName: input.childName,
    body: { action: 'record_visit', visit: input.visit, requestId: id },
  }
  // On the phone's storage before anything else happens (the outbox saves what is queued at once): a
  // visit typed in a farmhouse must survive the app.
  const item = await enqueueForFirstAnswer({ id, kind: REVIEW_KIND, record }, FIRST_ANSWER_MS)
  if (!item || item.status === 'synced') return { outcome: 'synced' }
  if (item.status === 'rejected' || item.status === 'conflict')
    return { outcome: 'refused', message: item.lastError?.message || VISIT_TEXT.refused }
  return { outcome: 'waiting' }
}

/** The review items not yet on the server, oldest first; for one record, or all of this worker's. */
export function usePendingReviews(filter: { registrationId?: string; workerId?: string }): ReviewItem[] {
  const items = useOutbox((s) => s.items)
  return Object.values(items)
    .filter(isReviewItem)
    .filter(
      (i) =>
        (!filter.registrationId || i.record.registrationId === filter.registrationId) &&
        (!filter.workerId || i.record.workerId === filter.workerId),
    )
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt))
}

export function pendingCount(workerId: string): number {
  return Object.values(outboxStore.getState().items).filter((i) => isReviewItem(i) && i.record.workerId === workerId).length
}

export function discardReview(id: string): void {
  outboxStore.getState().remove(id)
}

/** Signed in (again): whatever this worker left waiting goes now. */
export const sendWaitingNow = () => retryNow()

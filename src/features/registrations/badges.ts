/**
 * Where a registration stands, as a badge: the outbox's local states before the server has it, the
 * server's review status after; and the one-line summary of all of them for the home page and 我的登记.
 */
import type { Badge } from '@/components/sync-badge'
import { monthLabel } from '@/domain/dates'
import { statusLabel } from '@/domain/statuses'
import type { OutboxError, OutboxItem } from '@/store/outbox'
import { clockTime, SYNC_TEXT } from './strings'

/** The server's reason for a refusal, or ours for what the server cannot say. */
export function errorText(error: OutboxError | undefined): string {
  if (!error) return SYNC_TEXT.rejectedFallback
  if (error.code === 'unchanged') return SYNC_TEXT.unchanged
  if (error.code === 'gone') return SYNC_TEXT.gone
  return error.message || SYNC_TEXT.rejectedFallback
}

export function badgeOf(item: OutboxItem, now: Date = new Date()): Badge {
  switch (item.status) {
    case 'queued':
      return { tone: 'wait', label: SYNC_TEXT.queued, detail: SYNC_TEXT.queuedDetail }
    case 'sending':
      return { tone: 'wait', label: SYNC_TEXT.sending }
    case 'failed': {
      const at = clockTime(item.nextRetryAt ?? new Date().toISOString(), now)
      const detail = item.lastError?.kind === 'http' ? SYNC_TEXT.failedServer(at) : SYNC_TEXT.failedOffline(at)
      return { tone: 'wait', label: SYNC_TEXT.failed, detail }
    }
    case 'rejected':
      return { tone: 'act', label: SYNC_TEXT.rejected, detail: errorText(item.lastError) }
    case 'conflict':
      return { tone: 'act', label: SYNC_TEXT.conflict, detail: SYNC_TEXT.conflictDetail }
    default: {
      const server = item.server
      if (!server) return { tone: 'info', label: statusLabel('submitted'), detail: SYNC_TEXT.next.submitted }
      const label = server.statusLabel ?? statusLabel(server.status)
      if (server.status === 'returned') {
        return { tone: 'act', label, detail: server.returned?.reason ? SYNC_TEXT.returnedReason(server.returned.reason) : undefined }
      }
      if (server.status === 'terminated') {
        const t = server.termination
        return {
          tone: 'info',
          label,
          detail: t?.supportStopsFrom ? SYNC_TEXT.terminated(t.reasonLabel, monthLabel(t.supportStopsFrom)) : undefined,
        }
      }
      // On the server and waiting for nobody but the reviewers: done, as far as the phone is concerned.
      const closed = server.status === 'withdrawn' || server.status === 'rejected'
      // 动态更新: the quarter's question, until it is answered (on the record's page).
      const ask = server.quarterly && !server.quarterly.answer ? SYNC_TEXT.quarterlyAsk(server.quarterly.label) : undefined
      return { tone: closed ? 'info' : 'done', label, detail: ask ?? SYNC_TEXT.next[server.status] }
    }
  }
}

/** Needs the guardian: refused, in conflict, or returned by a reviewer. */
export const needsGuardian = (item: OutboxItem) => badgeOf(item).tone === 'act'
/** Not on the server yet (or a correction not yet): queued, sending or failed. */
export const pendingUpload = (item: OutboxItem) => item.status === 'queued' || item.status === 'sending' || item.status === 'failed'

export function summaryOf(items: readonly OutboxItem[], now: Date = new Date()): Badge {
  if (items.length === 0) return { tone: 'info', label: SYNC_TEXT.summaryNone }
  const act = items.filter(needsGuardian).length
  const pending = items.filter(pendingUpload)
  if (act > 0)
    return {
      tone: 'act',
      label: SYNC_TEXT.summaryAction(act),
      detail: pending.length ? SYNC_TEXT.summaryPending(pending.length) : undefined,
    }
  if (pending.length > 0) {
    const next = pending
      .map((i) => i.nextRetryAt)
      .filter((t): t is string => !!t)
      .sort()[0]
    return {
      tone: 'wait',
      label: SYNC_TEXT.summaryPending(pending.length),
      detail: next ? SYNC_TEXT.summaryNextTry(clockTime(next, now)) : undefined,
    }
  }
  return { tone: 'done', label: SYNC_TEXT.summaryAllSynced(items.length) }
}

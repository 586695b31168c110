/**
 * Sending a report: kept in the outbox first (on the phone's storage before anything else happens), then a
 * short wait for the first answer, so the page can say "送达" with the receipt number, or "saved, sent
 * later", or the server's reason. The outbox goes on trying whatever the page does.
 */
import type { ReportInput } from '@/domain/report'
import type { ReportReceipt } from '@/domain/report-api'
import { fetchMyReports, REPORT } from '@/services/reports'
import { enqueueForFirstAnswer } from '@/store/first-answer'
import type { OutboxItem } from '@/store/outbox'

/** How long the page waits for the first answer before saying "kept on the phone". */
export const FIRST_ANSWER_MS = 8000

export type SendOutcome =
  { outcome: 'sent'; receipt: ReportReceipt | undefined } | { outcome: 'waiting' } | { outcome: 'refused'; message: string }

export async function sendReport(report: ReportInput): Promise<SendOutcome> {
  const { id } = report
  const item = await enqueueForFirstAnswer({ id, kind: REPORT, record: report }, FIRST_ANSWER_MS)
  if (item?.status === 'rejected' || item?.status === 'conflict') return { outcome: 'refused', message: item.lastError?.message ?? '' }
  if (item && item.status !== 'synced') return { outcome: 'waiting' }
  const receipt = (await fetchMyReports().catch(() => [])).find((r) => r.id === id)
  return { outcome: 'sent', receipt }
}

/** Reports typed on this phone that the server does not have yet. */
export const unsentReports = (items: Record<string, OutboxItem>) => Object.values(items).filter((i) => i.kind === REPORT)

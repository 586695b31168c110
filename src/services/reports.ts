/**
 * Reports of a child at risk (docs/guardian-app.md, "Reporting a child at risk"): sent through the outbox as
 * items of kind `report`, so that one typed where the signal is weak stays on the phone until the server has
 * it (the report's id makes a resend the same report). The sender lives in the main package — it is a few
 * lines — so a report left unsent goes at the next launch even if the report page is never opened again.
 * Once on the server it leaves the phone: what a neighbour saw is not kept in their WeChat storage; the
 * receipt (number, 处理中/已处理) comes from the server.
 */
import type { ReceiptList, ReportReceipt } from '@/domain/report-api'
import { outboxStore, type OutboxItem } from '@/store/outbox'
import { authRequest } from './auth'

export const REPORT = 'report'

export const reportSender = {
  send: (item: OutboxItem) => authRequest<ReportReceipt>('/api/v1/reports', { method: 'POST', data: item.record }),
}

export async function fetchMyReports(): Promise<ReportReceipt[]> {
  return (await authRequest<ReceiptList>('/api/v1/reports/mine'))?.items ?? []
}

/** A report the server has needs no copy on the phone. */
export function dropSentReports(): void {
  const items = Object.values(outboxStore.getState().items)
  for (const item of items) if (item.kind === REPORT && item.status === 'synced') outboxStore.getState().remove(item.id)
}

/** The worker's report endpoints (docs/api.md, "Reports of a child at risk"), signed like every worker call. */
import type { ReportActionInput } from '@/domain/report'
import type { ReportDetail, ReportList } from '@/domain/report-api'
import { call } from './api'

export const reportsApi = {
  list: () => call<ReportList>('/reports'),
  one: (id: string) => call<ReportDetail>(`/reports/${id}`),
  act: (id: string, body: ReportActionInput) => call<ReportDetail>(`/reports/${id}/actions`, { method: 'POST', data: body }),
}

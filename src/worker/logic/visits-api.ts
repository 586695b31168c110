/** The monthly-visit endpoints (docs/api.md, "Monthly visits"), signed like every worker call. */
import type { VisitCompletion, VisitDuePage } from '@/domain/api'
import { call, query } from './api'

export const visitsApi = {
  /** The village worker's 本月待走访 (this month in China when no month is named). */
  due: (month?: string) => call<VisitDuePage>(`/visits/due${query({ month })}`),
  /** Township and above: who was visited, by village. */
  completion: (region?: string, month?: string) => call<VisitCompletion>(`/visits/completion${query({ region, month })}`),
}

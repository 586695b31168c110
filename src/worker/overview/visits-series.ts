/**
 * This month's home visits as a series of the overview's chart (village-chart.tsx): per village, the children
 * visited and those still to visit, from the same counts as the 走访完成情况 table (`GET /stats` → `visits`).
 */
import type { VisitCompletion } from '@/domain/api'
import { CHART_TEXT } from './strings'
import type { ChartSeries } from './village-chart'

export function visitsSeries(completion: VisitCompletion): ChartSeries {
  const byCode = new Map(completion.byVillage.map((v) => [v.code, v]))
  return {
    key: 'visits',
    label: CHART_TEXT.visits,
    parts: [
      { key: 'done', label: CHART_TEXT.visited, tone: 'done' },
      { key: 'left', label: CHART_TEXT.toVisit, tone: 'wait' },
    ],
    value: (village, part) => {
      const v = byCode.get(village.code)
      if (!v) return 0
      return part === 'done' ? v.done : Math.max(0, v.due - v.done)
    },
  }
}

/**
 * The top of the worker's list: the region's open reports of a child at risk, those still waiting for a first
 * contact first (the server sorts them by due time), each with the hours left on its 24-hour clock.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ReportListItem } from '@/domain/report-api'
import { errorText, SignedOutError } from '../logic/api'
import { chinaTime } from '../logic/format'
import { openReport, toLogin } from '../logic/nav'
import { reportsApi } from '../logic/reports-api'
import { REPORTS_TEXT } from '../report/strings'

export function clockLine(r: ReportListItem): string {
  if (r.hoursLeft === null) return (r.overdue ? REPORTS_TEXT.contactedLate : REPORTS_TEXT.contacted)(chinaTime(r.firstActionAt ?? r.dueAt))
  return r.hoursLeft >= 0 ? REPORTS_TEXT.hoursLeft(r.hoursLeft) : REPORTS_TEXT.overdueBy(-r.hoursLeft)
}

export function ReportRow({ report }: { report: ReportListItem }) {
  return (
    <View
      className={`card queue__item ${report.urgent ? 'card--alert' : ''}`}
      id={`report-${report.id}`}
      ariaRole='link'
      ariaLabel={`${REPORTS_TEXT.open} ${report.number} ${report.villageName} ${report.concernLabel}`}
      onClick={() => openReport(report.id)}
    >
      <View className='queue__head'>
        <Text className='queue__name'>{report.concernLabel}</Text>
        {report.urgent && <Text className='w-tag w-tag--warn'>{REPORTS_TEXT.urgent}</Text>}
        {report.overdue && <Text className='w-tag w-tag--warn'>{REPORTS_TEXT.overdue}</Text>}
      </View>
      <Text className='line'>{report.villageName}</Text>
      <Text className='line'>{clockLine(report)}</Text>
      <Text className='line muted'>{REPORTS_TEXT.received(chinaTime(report.createdAt))}</Text>
    </View>
  )
}

export default function UrgentReports({ changes }: { changes: number }) {
  const [items, setItems] = useState<ReportListItem[]>()
  const [problem, setProblem] = useState<string>()
  useEffect(() => {
    let live = true
    reportsApi.list().then(
      (list) => live && setItems(list.items.filter((r) => r.status === 'open')),
      (error) => {
        if (error instanceof SignedOutError) return toLogin()
        if (live) setProblem(errorText(error))
      },
    )
    return () => {
      live = false
    }
  }, [changes])
  if (problem) {
    return (
      <View className='field__error' ariaRole='alert' id='reports-error'>
        <Text>{problem}</Text>
      </View>
    )
  }
  if (!items || items.length === 0) return null
  const urgent = items.filter((r) => r.urgent).length
  return (
    <View id='reports-block' ariaRole='region' ariaLabel={REPORTS_TEXT.heading}>
      <Text className='card__title' id='reports-heading'>
        {urgent > 0 ? REPORTS_TEXT.urgentHeading(urgent) : REPORTS_TEXT.openHeading}
      </Text>
      {items.map((r) => (
        <ReportRow key={r.id} report={r} />
      ))}
    </View>
  )
}

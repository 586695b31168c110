/**
 * One report of a child at risk, for a worker of its region (each opening is audited): where, what worries
 * the reporter, what they saw, who they are and their phone; the 24-hour first-contact clock; what has been
 * done; and recording the next step (./action-form.tsx). A closed report is read-only.
 */
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import ActionButton from '@/components/button'
import type { ReportActionInput } from '@/domain/report'
import type { ReportDetail } from '@/domain/report-api'
import { callPhone } from '@/platform/phone'
import WorkerShell from '../components/worker-shell'
import { errorText, SignedOutError } from '../logic/api'
import { chinaTime } from '../logic/format'
import { openQueue, pageParams, toLogin } from '../logic/nav'
import { markChanged } from '../logic/refresh'
import { reportsApi } from '../logic/reports-api'
import { clockLine } from '../queue/reports'
import ReportActionForm from './action-form'
import { REPORTS_TEXT } from './strings'
import { Problem } from '../components/messages'

function Actions({ report }: { report: ReportDetail }) {
  return (
    <View className='card' id='report-actions'>
      <Text className='card__title'>{REPORTS_TEXT.actionsHeading}</Text>
      {report.actions.length === 0 && <Text className='line muted'>{REPORTS_TEXT.noActions}</Text>}
      {report.actions.map((a, i) => (
        <View key={`${a.at}-${i}`} className='list-item'>
          <Text className='line'>{REPORTS_TEXT.actionLine(chinaTime(a.at), a.roleLabel, a.actionLabel)}</Text>
          {a.note && <Text className='line muted'>{a.note}</Text>}
        </View>
      ))}
    </View>
  )
}

export default function ReportPage() {
  const [id] = useState(() => pageParams().id ?? '')
  const [report, setReport] = useState<ReportDetail>()
  const [problem, setProblem] = useState<string>()
  const [saved, setSaved] = useState(false)

  const load = useCallback(() => {
    setProblem(undefined)
    reportsApi.one(id).then(setReport, (error) => {
      if (error instanceof SignedOutError) return toLogin()
      setProblem(errorText(error))
    })
  }, [id])
  useEffect(load, [load])

  const save = async (body: ReportActionInput) => {
    setSaved(false)
    setReport(await reportsApi.act(id, body))
    setSaved(true)
    // The list's urgent block shows the clock stopped when the worker goes back.
    markChanged()
  }

  return (
    <WorkerShell page='report'>
      {!report && !problem && <Text className='line muted'>{REPORTS_TEXT.loading}</Text>}
      <Problem id='report-error' text={problem} />
      {report && (
        <View>
          <View className={`card ${report.urgent ? 'card--alert' : ''}`} id='report-detail'>
            <Text className='card__title'>{REPORTS_TEXT.title(report.number)}</Text>
            <Text className='line'>
              {report.statusLabel}
              {report.urgent ? `　${REPORTS_TEXT.urgent}` : ''}
            </Text>
            <Text className='line' id='report-clock'>
              {clockLine(report)}
            </Text>
            <Text className='line'>{REPORTS_TEXT.village(report.villageFullName || report.villageName)}</Text>
            <Text className='line'>{REPORTS_TEXT.concern(report.concernLabel)}</Text>
            <Text className='field__label'>{REPORTS_TEXT.seen}</Text>
            <Text className='line' id='report-seen'>
              {report.seen}
            </Text>
            <Text className='line'>{REPORTS_TEXT.reporter(report.reporterLabel)}</Text>
            <Text className='line'>{report.phone ? REPORTS_TEXT.phone(report.phone) : REPORTS_TEXT.noPhone}</Text>
            {report.phone && <ActionButton id='report-call' label={REPORTS_TEXT.call} onTap={() => callPhone(report.phone!)} />}
            <Text className='line muted'>{REPORTS_TEXT.received(chinaTime(report.createdAt))}</Text>
          </View>
          <Actions report={report} />
          {saved && (
            <View ariaRole='status' id='report-saved'>
              <Text className='line'>{REPORTS_TEXT.saved}</Text>
            </View>
          )}
          {report.status === 'open' ? (
            <ReportActionForm villageCode={report.villageCode} onSave={save} />
          ) : (
            <Text className='line muted'>{REPORTS_TEXT.closedNote}</Text>
          )}
          <ActionButton label={REPORTS_TEXT.backToList} onTap={() => openQueue('relaunch')} />
        </View>
      )}
    </WorkerShell>
  )
}

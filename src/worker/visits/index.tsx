/**
 * 本月待走访 (docs/worker-app.md, "Monthly visits"): the village worker's supported children for this month —
 * overdue, due, done — with 记录走访 on each. A visit goes through the app's outbox like one recorded on the
 * record's page: kept on the phone at once, sent now or when the network returns; the list reloads when the
 * server has it (logic/refresh), and until then the row says it waits.
 */
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { VisitDueItem, VisitDuePage } from '@/domain/api'
import type { Visit } from '@/domain/review'
import type { VisitState } from '@/domain/visits'
// The shell first: its styles (the page frame) come before the form's (choices) in every worker page's CSS.
import WorkerShell from '../components/worker-shell'
import VisitForm from '../components/visit-form'
import { errorText, SignedOutError } from '../logic/api'
import { openEntry, toLogin } from '../logic/nav'
import { useChanges } from '../logic/refresh'
import { recordVisit, usePendingReviews } from '../logic/review-outbox'
import { useSession } from '../logic/session'
import { visitsApi } from '../logic/visits-api'
import { VISIT_TEXT } from '../strings'
import VisitRow from './row'
import { VISITS_TEXT } from './strings'
import './index.scss'
import { Notice, Problem } from '../components/messages'

const SECTIONS: VisitState[] = ['overdue', 'due', 'done']

export default function VisitsPage() {
  const session = useSession()
  const village = session?.user.role === 'village_worker'
  const [page, setPage] = useState<VisitDuePage>()
  const [problem, setProblem] = useState<string>()
  const [form, setForm] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string>()
  const changes = useChanges()
  const latest = useRef(0)
  const pending = usePendingReviews({ workerId: session?.user.id ?? '-' })

  const load = useCallback(async () => {
    const ticket = ++latest.current
    setProblem(undefined)
    try {
      const answer = await visitsApi.due()
      if (ticket === latest.current) setPage(answer)
    } catch (error) {
      if (error instanceof SignedOutError) return toLogin()
      if (ticket === latest.current) setProblem(errorText(error))
    }
  }, [])

  useEffect(() => {
    if (village) load()
  }, [load, changes, village])

  const save = async (item: VisitDueItem, visit: Visit) => {
    setBusy(true)
    setNotice(undefined)
    try {
      const result = await recordVisit({ registrationId: item.id, childName: item.child.name, visit })
      if (result.outcome === 'refused') return setNotice(result.message)
      setForm(undefined)
      setNotice(result.outcome === 'synced' ? VISIT_TEXT.saved : VISIT_TEXT.queued)
    } catch (error) {
      if (error instanceof SignedOutError) return toLogin()
      setNotice(errorText(error))
    } finally {
      setBusy(false)
    }
  }

  const waiting = (id: string) => pending.some((p) => p.record.registrationId === id && p.record.body.action === 'record_visit')

  return (
    <WorkerShell page='visits'>
      {!village && <Text className='line'>{VISITS_TEXT.onlyVillage}</Text>}
      {village && (
        <View className='visits' id='visits-page'>
          <View className='card' id='visits-summary'>
            <Text className='card__title'>{page ? VISITS_TEXT.month(page.month) : VISITS_TEXT.title}</Text>
            <Text className='line muted'>{VISITS_TEXT.intro}</Text>
            {page && (
              <Text className='line' id='visits-counts'>
                {VISITS_TEXT.counts(page.counts.due, page.counts.overdue, page.counts.done)}
              </Text>
            )}
            {page && page.counts.not_due > 0 && <Text className='line muted'>{VISITS_TEXT.notDue(page.counts.not_due)}</Text>}
          </View>
          <Notice id='visits-notice' text={notice} />
          <Problem id='visits-error' text={problem} />
          {!page && !problem && <Text className='line muted'>{VISITS_TEXT.loading}</Text>}
          {page && page.items.length === 0 && (
            <Text className='line muted' id='visits-empty'>
              {VISITS_TEXT.empty}
            </Text>
          )}
          {page &&
            page.items.length > 0 &&
            SECTIONS.map((state) => {
              const items = page.items.filter((i) => i.visit.state === state)
              return (
                <View key={state} className='visits__section' id={`visits-${state}`}>
                  <Text className='visits__heading'>{`${VISITS_TEXT.sections[state]}（${items.length}）`}</Text>
                  {items.length === 0 && <Text className='line muted'>{VISITS_TEXT.noneIn[state]}</Text>}
                  {items.map((item) => (
                    <View key={item.id}>
                      <VisitRow
                        item={item}
                        waiting={waiting(item.id)}
                        onRecord={() => {
                          setNotice(undefined)
                          setForm(item.id)
                        }}
                        onOpen={() => openEntry(item.id)}
                      />
                      {form === item.id && (
                        <VisitForm busy={busy} onCancel={() => setForm(undefined)} onSave={(visit) => save(item, visit)} />
                      )}
                    </View>
                  ))}
                </View>
              )
            })}
        </View>
      )}
    </WorkerShell>
  )
}

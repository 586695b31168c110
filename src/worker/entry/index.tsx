/**
 * One registration for a worker: status, why it was returned, the whole record (masked numbers revealed on
 * a tap), what the rules suggest, possible duplicates, the actions this role may take now, and the history.
 * Phone: one column, record first and the actions after it; desktop: the actions and history beside it.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import ActionButton from '@/components/button'
import type { Visit } from '@/domain/review'
import { scrollToSelector } from '@/platform/system'
import WorkerShell from '../components/worker-shell'
import { errorText, ShownError, workerApi } from '../logic/api'
import { openEntry, pageParams } from '../logic/nav'
import { useChanges } from '../logic/refresh'
import { recordVisit, usePendingReviews } from '../logic/review-outbox'
import { useSession } from '../logic/session'
import { ACTION_TEXT, ENTRY_TEXT, VISIT_TEXT } from '../strings'
import AccessCard from './access-card'
import Actions from './actions'
import History from './history'
import PendingVisits from './pending-visits'
import PrintCard from './print-card'
import { Duplicates, Ended, Recheck, Returned, Suggestions } from './insights'
import RecordView from './record-view'
import TransferCard from './transfer-card'
import { useEntry } from './use-entry'
import './index.scss'

export default function EntryPage() {
  const [id] = useState(() => pageParams().id ?? '')
  const session = useSession()
  const { entry, history, loading, problem, reload } = useEntry(id)
  const [shown, setShown] = useState<Record<string, string | null>>({})
  const [revealProblem, setRevealProblem] = useState<string>()
  const [ticking, setTicking] = useState(false)
  const [ticked, setTicked] = useState<string[]>([])

  const reveal = async (path: string) => {
    setRevealProblem(undefined)
    try {
      const { value } = await workerApi.reveal(id, path)
      setShown((s) => ({ ...s, [path]: value }))
    } catch (error) {
      setRevealProblem(errorText(error))
    }
  }
  const hide = (path: string) => setShown(({ [path]: _gone, ...rest }) => rest)
  const tick = (path: string) => setTicked((list) => (list.includes(path) ? list.filter((p) => p !== path) : [...list, path]))
  const returnMode = (on: boolean) => {
    setTicking(on)
    if (!on) setTicked([])
  }
  const pending = usePendingReviews({ registrationId: id })
  // A visit kept on the phone and sent later (or anyone's action elsewhere in the app): show it.
  const changes = useChanges()
  const seenChanges = useRef(changes)
  useEffect(() => {
    if (changes > seenChanges.current) reload()
    seenChanges.current = changes
  }, [changes, reload])
  const saveVisit = async (visit: Visit) => {
    const result = await recordVisit({ registrationId: id, childName: String(entry?.record.child?.name ?? ''), visit })
    if (result.outcome === 'refused') throw new ShownError(result.message)
    return result.outcome === 'synced' ? VISIT_TEXT.saved : VISIT_TEXT.queued
  }

  return (
    <WorkerShell page='entry'>
      {!entry && loading && <Text className='line muted'>{ENTRY_TEXT.loading}</Text>}
      {problem && (
        <View className='field__error' ariaRole='alert' id='entry-error'>
          <Text>{problem}</Text>
          <ActionButton label={ENTRY_TEXT.reload} onTap={reload} />
        </View>
      )}
      {entry && session && (
        <View className='entry'>
          <View className='entry__main'>
            <View className='card' id='entry-status'>
              <Text className='card__title'>{entry.record.child?.name}</Text>
              <Text className='line' id='entry-status-line'>
                {ENTRY_TEXT.statusLine(entry.statusLabel, entry.version)}
              </Text>
              <Text className='line muted'>{ENTRY_TEXT.village(entry.village.name)}</Text>
              {entry.allowedActions.length > 0 && (
                <ActionButton
                  className='entry__jump'
                  id='entry-jump'
                  label={ENTRY_TEXT.jumpToActions(ACTION_TEXT.headingFor(session.user.role))}
                  onTap={() => scrollToSelector('#entry-actions')}
                />
              )}
            </View>
            <Returned entry={entry} />
            <Ended entry={entry} />
            <Recheck entry={entry} />
            {revealProblem && (
              <View className='field__error' ariaRole='alert'>
                <Text>{revealProblem}</Text>
              </View>
            )}
            <RecordView
              record={entry.record}
              reveal={{ masked: entry.masked ?? [], shown, onReveal: reveal, onHide: hide }}
              ticked={ticking ? new Set(ticked) : undefined}
            />
            <Suggestions result={entry.classification} />
            <Duplicates list={entry.possibleDuplicates ?? []} onOpen={openEntry} />
          </View>
          <View className='entry__side'>
            <PendingVisits items={pending} />
            <Actions
              entry={entry}
              role={session.user.role}
              visits={history.filter((h) => h.visit).length + pending.length}
              ticked={ticked}
              onTick={tick}
              onReturnMode={returnMode}
              onChanged={reload}
              saveVisit={saveVisit}
            />
            {session.user.role === 'village_worker' && <TransferCard entry={entry} onChanged={reload} />}
            <PrintCard entry={entry} />
            <History items={history} record={entry.record} />
            {session.user.role === 'county_admin' && <AccessCard id={entry.id} />}
          </View>
        </View>
      )}
    </WorkerShell>
  )
}

/**
 * 核实操作 / 审核操作 / 确认操作 (titled by the role): a button for each action the server says this worker may take now (`allowedActions`, which
 * is status.ts for the caller's role), and nothing else. A refusal from the server — someone else acted
 * first, the record moved on — is shown in the server's Chinese words and the record is reloaded.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '@/components/button'
import { FIELD_TEXT } from '@/components/strings'
import type { RegistrationView, WorkerRole } from '@/domain/api'
import type { ReviewInput, Visit } from '@/domain/review'
import { actionLabel, allowedActions, type Action } from '@/domain/status'
import { errorCode, errorText, workerApi } from '../logic/api'
import { markChanged } from '../logic/refresh'
import { ACTION_TEXT } from '../strings'
import ActionPanel, { DANGER, type PanelAction } from './panels'
import VisitForm from '../components/visit-form'

interface Props {
  entry: RegistrationView
  role: WorkerRole
  visits: number
  ticked: readonly string[]
  /** Ticks or unticks a field to return (the tick boxes are in the return panel). */
  onTick(path: string): void
  /** 退回 turns the record's tick boxes on (and off again when the panel closes). */
  onReturnMode(on: boolean): void
  /** Reload the record and its history (after a refusal: the record moved on). */
  onChanged(): void
  /** Keeps a visit record (sent now, or later when offline). */
  saveVisit(visit: Visit): Promise<string>
}

export default function Actions({ entry, role, visits, ticked, onTick, onReturnMode, onChanged, saveVisit }: Props) {
  const [panel, setPanel] = useState<Action>()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const [notice, setNotice] = useState<string>()
  // The server's list, kept to what the domain allows this role: a button is offered only if both agree.
  const offered = entry.allowedActions.filter((a) => allowedActions(entry.status, role).includes(a))

  const open = (action?: Action) => {
    setPanel(action)
    setProblem(undefined)
    setNotice(undefined)
    onReturnMode(action === 'return')
  }
  const run = async (work: () => Promise<string>) => {
    setBusy(true)
    setProblem(undefined)
    try {
      const done = await work()
      open(undefined)
      setNotice(done)
      // The entry and the list reload on this (logic/refresh).
      markChanged()
    } catch (error) {
      setProblem(errorText(error))
      const code = errorCode(error)
      if (code === 'stale_version' || code === 'invalid_transition' || code === 'not_found') {
        open(undefined)
        setProblem(`${errorText(error)} ${ACTION_TEXT.stale}`)
        onChanged()
      }
    } finally {
      setBusy(false)
    }
  }
  const send = (body: ReviewInput) =>
    run(async () => {
      await workerApi.review(entry.id, { ...body, version: entry.version })
      return ACTION_TEXT.done(actionLabel(body.action))
    })

  return (
    <View className='card' id='entry-actions'>
      <Text className='card__title'>{ACTION_TEXT.headingFor(role)}</Text>
      {offered.length === 0 && (
        <Text className='line muted' id='actions-none'>
          {ACTION_TEXT.none}
        </Text>
      )}
      {!panel && offered.length > 0 && (
        <View className='btn-row'>
          {offered.map((a) => (
            <ActionButton
              key={a}
              id={`action-${a}`}
              kind={DANGER.has(a) ? 'danger' : 'primary'}
              label={actionLabel(a)}
              disabled={busy}
              onTap={() => (a === 'start_review' ? send({ action: a }) : open(a))}
            />
          ))}
        </View>
      )}
      {panel === 'record_visit' && (
        <VisitForm busy={busy} onCancel={() => open(undefined)} onSave={(visit) => run(() => saveVisit(visit))} />
      )}
      {panel && panel !== 'record_visit' && panel !== 'start_review' && panel !== 'submit' && panel !== 'withdraw' && (
        <ActionPanel
          action={panel as PanelAction}
          ticked={ticked}
          onTick={onTick}
          record={entry.record}
          visits={visits}
          busy={busy}
          onSend={send}
          onCancel={() => open(undefined)}
        />
      )}
      {notice && (
        <View className='w-notice' id='actions-notice' ariaRole='status'>
          <Text>{notice}</Text>
        </View>
      )}
      {problem && (
        <View className='field__error' ariaRole='alert' id='actions-problem'>
          <Text>{`${FIELD_TEXT.errorMark} ${problem}`}</Text>
        </View>
      )}
    </View>
  )
}

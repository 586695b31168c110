/**
 * One transfer on the transfers page: the child (name masked), the two villages, its state and words; the
 * village worker's buttons for its side (接收 / 拒绝 with a reason on the receiving side, 撤回 on the sending
 * side) while it waits; once received, the way to the record.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '@/components/button'
import { FormContext } from '@/components/form/context'
import TextField from '@/components/text-input'
import type { TransferItem } from '@/domain/api'
import { parseBody, transferDeclineSchema } from '@/domain/transfer'
import { chinaTime } from '../logic/format'
import { createLocalForm } from '@/record/local-form'
import { TRANSFER_TEXT } from './strings'

interface Props {
  item: TransferItem
  side: 'in' | 'out'
  /** Only a village worker acts; the levels above read. */
  canAct: boolean
  busy: boolean
  onStep(step: 'accept' | 'decline' | 'cancel', reason?: string): void
  onOpen(registrationId: string): void
}

export default function TransferRow({ item, side, canAct, busy, onStep, onOpen }: Props) {
  const [declining, setDeclining] = useState(false)
  const [form] = useState(() => createLocalForm())
  const waiting = item.state === 'pending' && canAct
  const decline = () => {
    const checked = parseBody(transferDeclineSchema, { reason: form.values().reason ?? '' })
    if (!checked.ok) return form.setErrors({ reason: checked.issues[0]?.message ?? '' })
    onStep('decline', checked.value.reason)
  }
  return (
    <View className='card' id={`transfer-${item.id}`}>
      <Text className='card__title'>{TRANSFER_TEXT.child(item.childName, item.statusLabel)}</Text>
      <Text className='line'>{TRANSFER_TEXT.item(item.from.name, item.to.name)}</Text>
      <Text className='line' id={`transfer-state-${item.id}`}>
        {item.stateLabel}
      </Text>
      {item.categoryLabels.length > 0 && <Text className='line muted'>{TRANSFER_TEXT.categories(item.categoryLabels)}</Text>}
      <Text className='line muted'>{TRANSFER_TEXT.startedAt(chinaTime(item.startedAt), item.startedByRole === 'guardian')}</Text>
      {item.note && <Text className='line'>{TRANSFER_TEXT.note(item.note)}</Text>}
      {item.declineReason && <Text className='line'>{TRANSFER_TEXT.declineReason(item.declineReason)}</Text>}
      {waiting && side === 'in' && !declining && (
        <View className='btn-row'>
          <ActionButton
            id={`transfer-accept-${item.id}`}
            kind='primary'
            label={TRANSFER_TEXT.accept}
            disabled={busy}
            onTap={() => onStep('accept')}
          />
          <ActionButton
            id={`transfer-decline-${item.id}`}
            kind='danger'
            label={TRANSFER_TEXT.decline}
            disabled={busy}
            onTap={() => setDeclining(true)}
          />
        </View>
      )}
      {waiting && side === 'in' && declining && (
        <FormContext.Provider value={form.binding}>
          <TextField path='reason' kind='textarea' maxlength={200} label={TRANSFER_TEXT.declineLabel} />
          <View className='btn-row'>
            <ActionButton
              id={`transfer-decline-send-${item.id}`}
              kind='danger'
              label={TRANSFER_TEXT.declineSend}
              disabled={busy}
              onTap={decline}
            />
            <ActionButton label={TRANSFER_TEXT.cancelForm} onTap={() => setDeclining(false)} />
          </View>
        </FormContext.Provider>
      )}
      {waiting && side === 'out' && (
        <ActionButton id={`transfer-cancel-${item.id}`} label={TRANSFER_TEXT.cancel} disabled={busy} onTap={() => onStep('cancel')} />
      )}
      {item.state === 'accepted' && side === 'in' && (
        <ActionButton label={TRANSFER_TEXT.openRecord} onTap={() => onOpen(item.registrationId)} />
      )}
    </View>
  )
}

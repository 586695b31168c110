/**
 * 迁入迁出: the transfers into the worker's region (待接收的迁入) and out of it (已发出的迁出), newest first.
 * The receiving village's worker accepts or declines (with a reason); the sending one may withdraw one still
 * waiting; townships and counties read both sides. The child's name stays masked until the record is received.
 */
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import ActionButton from '@/components/button'
import type { TransferList } from '@/domain/api'
import WorkerShell from '../components/worker-shell'
import { errorText } from '../logic/api'
import { openEntry } from '../logic/nav'
import { useSession } from '../logic/session'
import { transfersApi } from '../logic/transfers-api'
import TransferRow from './item'
import { TRANSFER_TEXT } from './strings'
import { Notice, Problem } from '../components/messages'

const DONE = { accept: TRANSFER_TEXT.accepted, decline: TRANSFER_TEXT.declined, cancel: TRANSFER_TEXT.cancelled } as const

export default function TransfersPage() {
  const session = useSession()
  const [list, setList] = useState<TransferList>()
  const [problem, setProblem] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [busy, setBusy] = useState(false)
  const load = useCallback(async () => {
    setProblem(undefined)
    try {
      setList(await transfersApi.list())
    } catch (error) {
      setProblem(errorText(error))
    }
  }, [])
  useEffect(() => {
    if (session) void load()
  }, [session, load])
  const step = async (id: string, which: 'accept' | 'decline' | 'cancel', reason?: string) => {
    setBusy(true)
    setNotice(undefined)
    try {
      if (which === 'decline') await transfersApi.decline(id, reason ?? '')
      else await transfersApi[which](id)
      setNotice(DONE[which])
    } catch (error) {
      setProblem(errorText(error))
    } finally {
      setBusy(false)
      await load()
    }
  }
  const canAct = session?.user.role === 'village_worker'
  const section = (side: 'in' | 'out') => {
    const items = (side === 'in' ? list?.incoming : list?.outgoing) ?? []
    return (
      <View className='transfers__side' id={`transfers-${side}`}>
        <Text className='card__title'>{side === 'in' ? TRANSFER_TEXT.incoming : TRANSFER_TEXT.outgoing}</Text>
        {list && items.length === 0 && <Text className='line muted'>{TRANSFER_TEXT.empty}</Text>}
        {items.map((item) => (
          <TransferRow
            key={item.id}
            item={item}
            side={side}
            canAct={canAct}
            busy={busy}
            onStep={(which, why) => void step(item.id, which, why)}
            onOpen={openEntry}
          />
        ))}
      </View>
    )
  }
  return (
    <WorkerShell page='transfers'>
      <View className='transfers' id='transfers'>
        {!list && !problem && <Text className='line muted'>{TRANSFER_TEXT.loading}</Text>}
        <Problem id='transfers-error' text={problem}>
          <ActionButton label={TRANSFER_TEXT.reload} onTap={() => void load()} />
        </Problem>
        <Notice id='transfers-notice' text={notice} />
        {section('in')}
        {section('out')}
      </View>
    </WorkerShell>
  )
}

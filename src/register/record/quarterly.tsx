/**
 * 动态更新 on a confirmed record (docs/guardian-app.md, "Quarterly updates"): once a quarter the guardian is
 * asked whether anything changed. 没有变化 is one tap; 有变化 opens the record in the wizard to update it
 * (sent for review again; the child stays supported meanwhile). Answered: when, and what was said.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '@/components/button'
import { RequestError } from '@/platform/request'
import { openWizard } from '@/platform/navigation'
import { toast } from '@/platform/system'
import { answerUnchanged, startUpdate } from '@/services/quarterly'
import { useDrafts } from '@/store/drafts'
import type { RegistrationItem } from '@/store/outbox'
import { QUARTERLY_TEXT } from '../strings'

/** 2026-12-02 20:15, in China's time. */
const chinaTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

export default function Quarterly({ item }: { item: RegistrationItem }) {
  const prompt = item.server?.quarterly
  const updating = useDrafts((s) => s.drafts[item.id]?.fix?.source === 'quarterly')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  if (!prompt) return null

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true)
    setProblem(undefined)
    try {
      await work()
    } catch (error) {
      const why = error instanceof RequestError && error.kind === 'offline' ? QUARTERLY_TEXT.offline : QUARTERLY_TEXT.failed
      setProblem(why)
      toast(why)
    } finally {
      setBusy(false)
    }
  }
  const unchanged = () =>
    run(async () => {
      await answerUnchanged(item.id)
      toast(QUARTERLY_TEXT.thanks)
    })
  const update = () =>
    run(async () => {
      await startUpdate(item.id)
      openWizard(item.id)
    })

  return (
    <View className='card' id='record-quarterly'>
      <Text className='card__title'>{QUARTERLY_TEXT.heading(prompt.label)}</Text>
      {prompt.answer === 'unchanged' && prompt.answeredAt && (
        <Text className='line' id='quarterly-answered'>
          {QUARTERLY_TEXT.answeredUnchanged(chinaTime(prompt.answeredAt))}
        </Text>
      )}
      {prompt.answer === 'changed' && prompt.answeredAt && (
        <Text className='line' id='quarterly-answered'>
          {QUARTERLY_TEXT.answeredChanged(chinaTime(prompt.answeredAt))}
        </Text>
      )}
      {!prompt.answer && <Text className='line'>{QUARTERLY_TEXT.ask}</Text>}
      {!prompt.answer && !prompt.canChange && <Text className='line muted'>{QUARTERLY_TEXT.cannotChange}</Text>}
      <View className='btn-row'>
        {!prompt.answer && (
          <ActionButton
            id='quarterly-unchanged'
            kind='primary'
            label={busy ? QUARTERLY_TEXT.busy : QUARTERLY_TEXT.unchanged}
            disabled={busy}
            onTap={unchanged}
          />
        )}
        {prompt.canChange && (
          <ActionButton
            id='quarterly-update'
            label={updating ? QUARTERLY_TEXT.continueUpdate : QUARTERLY_TEXT.changed}
            disabled={busy}
            onTap={updating ? () => openWizard(item.id) : update}
          />
        )}
      </View>
      {problem && (
        <View className='field__error' ariaRole='alert'>
          <Text>{problem}</Text>
        </View>
      )}
    </View>
  )
}

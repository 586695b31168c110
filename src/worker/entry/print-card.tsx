/**
 * 打印材料: the record's 一人一表 and, when the rules classify the child as 事实无人抚养, the allowance
 * application, printed by the server as PDF and opened (WeChat) or saved (browser). The app carries only
 * these buttons; the layouts and the font live on the server. Each file is audited there.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '@/components/button'
import type { RegistrationView } from '@/domain/api'
import { chinaToday } from '@/domain/dates'
import { errorText, workerApi } from '../logic/api'
import { PRINT_TEXT } from '../strings'

type Form = 'form' | 'allowance-application'

export default function PrintCard({ entry }: { entry: RegistrationView }) {
  const [busy, setBusy] = useState<Form>()
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const name = String(entry.record.child?.name ?? '')
  const deFacto = entry.classification.findings.some((f) => f.category === 'de_facto_unsupported')
  const print = async (form: Form) => {
    setBusy(form)
    setMessage(undefined)
    const date = chinaToday()
    try {
      await workerApi.printForm(entry.id, form, form === 'form' ? PRINT_TEXT.formFile(name, date) : PRINT_TEXT.applicationFile(name, date))
      setMessage({ ok: true, text: PRINT_TEXT.done })
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) })
    } finally {
      setBusy(undefined)
    }
  }
  return (
    <View className='card' id='entry-print'>
      <Text className='card__title'>{PRINT_TEXT.heading}</Text>
      <Text className='line muted'>{PRINT_TEXT.intro}</Text>
      <View className='btn-row'>
        <ActionButton
          id='print-form'
          label={busy === 'form' ? PRINT_TEXT.busy : PRINT_TEXT.form}
          disabled={!!busy}
          onTap={() => print('form')}
        />
        {deFacto && (
          <ActionButton
            id='print-application'
            label={busy === 'allowance-application' ? PRINT_TEXT.busy : PRINT_TEXT.application}
            disabled={!!busy}
            onTap={() => print('allowance-application')}
          />
        )}
      </View>
      {deFacto && <Text className='line muted'>{PRINT_TEXT.applicationNote}</Text>}
      {message && (
        <View className={message.ok ? 'w-notice' : 'field__error'} ariaRole={message.ok ? 'status' : 'alert'} id='print-message'>
          <Text>{message.text}</Text>
        </View>
      )}
    </View>
  )
}

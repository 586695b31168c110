/**
 * 导出花名册: the roster of the region shown, as the server builds it (.xlsx). Full ID numbers and phones
 * go to township and county staff by default (the county files the national roster with them); the worker
 * may choose to mask them, e.g. for a list to be printed. Every export is audited by the server.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '@/components/button'
import { FIELD_TEXT } from '@/components/strings'
import { chinaToday } from '@/domain/dates'
import { errorText, workerApi } from '../logic/api'
import { OVERVIEW_TEXT } from '../strings'

export default function ExportCard({ region, regionName }: { region?: string; regionName: string }) {
  const [mask, setMask] = useState(false)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const download = async () => {
    setBusy(true)
    setMessage(undefined)
    try {
      await workerApi.exportRoster(region, mask, OVERVIEW_TEXT.filename(regionName, chinaToday()))
      setMessage({ ok: true, text: OVERVIEW_TEXT.downloaded })
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card' id='overview-export'>
      <Text className='card__title'>{OVERVIEW_TEXT.exportHeading}</Text>
      <Text className='line muted'>{OVERVIEW_TEXT.exportIntro}</Text>
      <View
        className={`choice ${mask ? 'choice--selected' : ''}`}
        id='export-mask'
        ariaRole='checkbox'
        aria-checked={mask}
        onClick={() => setMask(!mask)}
      >
        <Text className='choice__mark'>{mask ? FIELD_TEXT.checkedMark : FIELD_TEXT.uncheckedMark}</Text>
        <Text className='choice__label'>{mask ? OVERVIEW_TEXT.maskOn : OVERVIEW_TEXT.maskLabel}</Text>
      </View>
      {!mask && <Text className='line muted'>{OVERVIEW_TEXT.maskOff}</Text>}
      <ActionButton
        id='export-download'
        kind='primary'
        label={busy ? OVERVIEW_TEXT.downloading : OVERVIEW_TEXT.download}
        disabled={busy}
        onTap={download}
      />
      {message && (
        <View className={message.ok ? 'w-notice' : 'field__error'} ariaRole={message.ok ? 'status' : 'alert'} id='export-message'>
          <Text>{message.text}</Text>
        </View>
      )}
    </View>
  )
}

/**
 * 发起迁移 on the record page (village workers, while the record may move): the receiving village chosen with
 * the region picker, the new address and a note optional. Until the other village accepts, the record stays
 * here; the transfer shows in 迁入迁出 and in the history.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '@/components/button'
import { FormContext } from '@/components/form/context'
import TextField from '@/components/text-input'
import type { RegistrationView } from '@/domain/api'
import { parseBody, TRANSFERABLE, transferStartSchema } from '@/domain/transfer'
import RegionField from '@/features/region-picker'
import { errorText } from '../logic/api'
import { createLocalForm } from '@/record/local-form'
import { transfersApi } from '../logic/transfers-api'
import { TRANSFER_TEXT } from '../transfers/strings'
import { issuesByPath } from '../components/visit-form'
import { Notice, Problem } from '../components/messages'

export default function TransferCard({ entry, onChanged }: { entry: RegistrationView; onChanged(): void }) {
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState(() => createLocalForm())
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string>()
  const [problem, setProblem] = useState<string>()
  if (!TRANSFERABLE.includes(entry.status)) return null
  const send = async () => {
    const checked = parseBody(transferStartSchema, form.values())
    if (!checked.ok) return form.setErrors(issuesByPath(checked.issues))
    setBusy(true)
    setProblem(undefined)
    try {
      const item = await transfersApi.start(entry.id, checked.value)
      setNotice(TRANSFER_TEXT.started(item.to.name))
      setOpen(false)
      setForm(createLocalForm())
      onChanged()
    } catch (error) {
      setProblem(errorText(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card' id='entry-transfer'>
      <Text className='card__title'>{TRANSFER_TEXT.title}</Text>
      <Notice id='transfer-notice' text={notice} />
      <Problem id='transfer-problem' text={problem} />
      {!open && <ActionButton id='transfer-open' label={TRANSFER_TEXT.start} onTap={() => setOpen(true)} />}
      {open && (
        <FormContext.Provider value={form.binding}>
          <View className='w-panel' id='panel-transfer'>
            <Text className='line'>{TRANSFER_TEXT.startIntro}</Text>
            <RegionField path='toVillage' label={TRANSFER_TEXT.toLabel} />
            <TextField path='address' maxlength={100} optional label={TRANSFER_TEXT.addressLabel} />
            <TextField
              path='note'
              kind='textarea'
              maxlength={200}
              optional
              label={TRANSFER_TEXT.noteLabel}
              placeholder={TRANSFER_TEXT.notePlaceholder}
            />
            <View className='btn-row'>
              <ActionButton
                id='transfer-send'
                kind='primary'
                label={busy ? TRANSFER_TEXT.busy : TRANSFER_TEXT.send}
                disabled={busy}
                onTap={() => void send()}
              />
              <ActionButton id='transfer-cancel-form' label={TRANSFER_TEXT.cancelForm} onTap={() => setOpen(false)} />
            </View>
          </View>
        </FormContext.Provider>
      )}
    </View>
  )
}

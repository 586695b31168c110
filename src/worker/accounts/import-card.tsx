/**
 * 批量导入账号: choose an .xlsx, see every row's problems (nothing written), fix the sheet and choose it
 * again, import when no row has a problem (all or nothing), then download the one-time passwords — once.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '@/components/button'
import type { ImportPreview } from '@/domain/api'
import { pickFile, type PickedFile } from '@/platform/file-pick'
import { errorText } from '../logic/api'
import { accountsApi } from '../logic/accounts-api'
import { IMPORT_TEXT } from './strings'

function PreviewRows({ preview }: { preview: ImportPreview }) {
  const bad = preview.rows.filter((r) => r.problems.length > 0)
  return (
    <View id='import-preview'>
      <Text className={preview.bad ? 'field__error' : 'w-notice'} id='import-summary'>
        {preview.bad ? IMPORT_TEXT.someBad(preview.bad, preview.rows.length) : IMPORT_TEXT.allGood(preview.rows.length)}
      </Text>
      {bad.map((r) => (
        <View className='import__row' key={r.row} id={`import-row-${r.row}`}>
          <Text className='import__where'>{`${IMPORT_TEXT.row(r.row)}　${r.name}　${r.phone}`}</Text>
          {r.problems.map((p) => (
            <Text className='line import__problem' key={p}>{`• ${p}`}</Text>
          ))}
        </View>
      ))}
    </View>
  )
}

export default function ImportCard({ onImported }: { onImported(): void }) {
  const [file, setFile] = useState<PickedFile>()
  const [preview, setPreview] = useState<ImportPreview>()
  const [batch, setBatch] = useState<{ id: string; created: number; downloaded: boolean }>()
  const [busy, setBusy] = useState<string>()
  const [problem, setProblem] = useState<string>()
  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label)
    setProblem(undefined)
    try {
      await work()
    } catch (error) {
      setProblem(errorText(error))
    } finally {
      setBusy(undefined)
    }
  }
  const choose = () =>
    run(IMPORT_TEXT.reading, async () => {
      const picked = await pickFile('xlsx')
      if (!picked) return
      setFile(picked)
      setPreview(undefined)
      setBatch(undefined)
      setPreview(await accountsApi.previewImport(picked.base64))
    })
  const runImport = () =>
    run(IMPORT_TEXT.running, async () => {
      const result = await accountsApi.runImport(file!.base64)
      setBatch({ id: result.batch, created: result.created, downloaded: false })
      setPreview(undefined)
      setFile(undefined)
      onImported()
    })
  const download = () =>
    run(IMPORT_TEXT.download, async () => {
      await accountsApi.passwordSheet(batch!.id, IMPORT_TEXT.filename)
      setBatch({ ...batch!, downloaded: true })
    })
  return (
    <View className='card' id='import-card'>
      <Text className='card__title'>{IMPORT_TEXT.heading}</Text>
      <Text className='line muted'>{IMPORT_TEXT.intro}</Text>
      <ActionButton id='import-choose' label={busy === IMPORT_TEXT.reading ? busy : IMPORT_TEXT.choose} disabled={!!busy} onTap={choose} />
      {file && <Text className='line'>{IMPORT_TEXT.file(file.name)}</Text>}
      {preview && <PreviewRows preview={preview} />}
      {preview && preview.bad === 0 && (
        <ActionButton
          id='import-run'
          kind='primary'
          label={busy ?? IMPORT_TEXT.run(preview.rows.length)}
          disabled={!!busy}
          onTap={runImport}
        />
      )}
      {batch && (
        <View className='w-notice' ariaRole='status' id='import-done'>
          <Text>{batch.downloaded ? IMPORT_TEXT.downloaded : IMPORT_TEXT.done(batch.created)}</Text>
        </View>
      )}
      {batch && !batch.downloaded && (
        <ActionButton id='import-passwords' kind='primary' label={IMPORT_TEXT.download} disabled={!!busy} onTap={download} />
      )}
      {problem && (
        <View className='field__error' ariaRole='alert' id='import-error'>
          <Text>{problem}</Text>
        </View>
      )}
    </View>
  )
}

/**
 * What the rules suggest (with the facts and the rule each finding rests on), possible duplicates of the
 * same child (a link only where it opens: inside the worker's region), and why the record was returned.
 */
import { Text, View } from '@tarojs/components'
import ActionButton from '@/components/button'
import { findingLabel, type Classification } from '@/domain/eligibility'
import { ROLE_LABELS, statusLabel, type Role } from '@/domain/status'
import { fieldLabels } from '../logic/labels'
import { chinaTime } from '../logic/format'
import type { Entry } from '../logic/types'
import { ENTRY_TEXT } from '../strings'

export function Suggestions({ result }: { result: Classification }) {
  return (
    <View className='card' id='entry-suggestions'>
      <Text className='card__title'>{ENTRY_TEXT.suggestHeading}</Text>
      {result.findings.length === 0 && <Text className='line'>{ENTRY_TEXT.suggestNone}</Text>}
      {result.findings.map((f) => (
        <View key={f.category} className='w-insight'>
          <Text className='w-insight__label'>
            {findingLabel(f)}
          </Text>
          <Text className='line'>{`${ENTRY_TEXT.because}${f.facts.join('；')}。`}</Text>
          <Text className='line muted'>{`${ENTRY_TEXT.rule}${f.rule}`}</Text>
        </View>
      ))}
      {result.missing.length > 0 && <Text className='case__subhead'>{ENTRY_TEXT.missingHeading}</Text>}
      {result.missing.map((m) => <Text key={m} className='line'>{`• ${m}`}</Text>)}
      {result.notes.length > 0 && <Text className='case__subhead'>{ENTRY_TEXT.notesHeading}</Text>}
      {result.notes.map((n) => <Text key={n} className='line'>{`• ${n}`}</Text>)}
      <Text className='line muted'>{ENTRY_TEXT.suggestNote}</Text>
    </View>
  )
}

export function Duplicates({ list, onOpen }: { list: NonNullable<Entry['possibleDuplicates']>; onOpen(id: string): void }) {
  if (list.length === 0) return null
  return (
    <View className='card card--warn' id='entry-duplicates'>
      <Text className='card__title'>{ENTRY_TEXT.duplicatesHeading}</Text>
      {list.map((d) => (
        <View key={d.id} className='w-insight' id={`duplicate-${d.id}`}>
          <Text className='line'>{`${ENTRY_TEXT.duplicateReason[d.reason] ?? d.reason}（${statusLabel(d.status)}）`}</Text>
          {d.accessible
            ? <ActionButton className='btn--small' label={ENTRY_TEXT.duplicateOpen} onTap={() => onOpen(d.id)} />
            : <Text className='line muted'>{ENTRY_TEXT.duplicateOutside}</Text>}
        </View>
      ))}
    </View>
  )
}

export function Returned({ entry }: { entry: Entry }) {
  const r = entry.returned
  if (!r) return null
  return (
    <View className='card card--warn' id='entry-returned'>
      <Text className='card__title'>{ENTRY_TEXT.returnedHeading}</Text>
      <Text className='line'>{ENTRY_TEXT.returnedReason(r.reason)}</Text>
      <Text className='line'>{ENTRY_TEXT.returnedFields(fieldLabels(r.fields, entry.record as never))}</Text>
      <Text className='line muted'>{`${ROLE_LABELS[r.byRole as Role] ?? r.byRole}　${chinaTime(r.at)}`}</Text>
    </View>
  )
}

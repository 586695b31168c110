/**
 * What the rules suggest (with the facts and the rule each finding rests on), possible duplicates of the
 * same child (a link only where it opens: inside the worker's region), why the record was returned, and
 * a termination under way or decided.
 */
import { Text, View } from '@tarojs/components'
import ActionButton from '@/components/button'
import type { RegistrationView } from '@/domain/api'
import { monthLabel } from '@/domain/dates'
import { ROLE_LABELS, statusLabel } from '@/domain/status'
import ClassificationCard, { type ClassificationWords } from '@/record/classification-card'
import { nearestLabels } from '@/record/paths'
import { chinaTime } from '../logic/format'
import { ENTRY_TEXT, RECHECK_TEXT, TERMINATION_TEXT } from '../strings'

/** The categories worded for a worker: a suggestion to weigh against the home visit. */
const SUGGESTION_WORDS: ClassificationWords = {
  heading: ENTRY_TEXT.suggestHeading,
  none: ENTRY_TEXT.suggestNone,
  because: ENTRY_TEXT.because,
  rule: ENTRY_TEXT.rule,
  missingHeading: ENTRY_TEXT.missingHeading,
  notesHeading: ENTRY_TEXT.notesHeading,
  note: ENTRY_TEXT.suggestNote,
}

export function Suggestions({ result }: { result: RegistrationView['classification'] }) {
  return <ClassificationCard id='entry-suggestions' result={result} words={SUGGESTION_WORDS} />
}

export function Duplicates({ list, onOpen }: { list: NonNullable<RegistrationView['possibleDuplicates']>; onOpen(id: string): void }) {
  if (list.length === 0) return null
  return (
    <View className='card card--warn' id='entry-duplicates'>
      <Text className='card__title'>{ENTRY_TEXT.duplicatesHeading}</Text>
      {list.map((d) => (
        <View key={d.id} className='w-insight' id={`duplicate-${d.id}`}>
          <Text className='line'>{`${ENTRY_TEXT.duplicateReason[d.reason] ?? d.reason}（${statusLabel(d.status)}）`}</Text>
          {d.accessible ? (
            <ActionButton className='btn--small' label={ENTRY_TEXT.duplicateOpen} onTap={() => onOpen(d.id)} />
          ) : (
            <Text className='line muted'>{ENTRY_TEXT.duplicateOutside}</Text>
          )}
        </View>
      ))}
    </View>
  )
}

export function Returned({ entry }: { entry: RegistrationView }) {
  const r = entry.returned
  if (!r) return null
  return (
    <View className='card card--warn' id='entry-returned'>
      <Text className='card__title'>{ENTRY_TEXT.returnedHeading}</Text>
      <Text className='line'>{ENTRY_TEXT.returnedReason(r.reason)}</Text>
      <Text className='line'>{ENTRY_TEXT.returnedFields(nearestLabels(r.fields, entry.record))}</Text>
      <Text className='line muted'>{`${ROLE_LABELS[r.byRole] ?? r.byRole}　${chinaTime(r.at)}`}</Text>
    </View>
  )
}

/** 终止（减员）: the proposal on its way up (reason, words), or the county's decision and the month support stops. */
export function Ended({ entry }: { entry: RegistrationView }) {
  const t = entry.termination
  if (!t) return null
  return (
    <View className='card card--warn' id='entry-termination'>
      <Text className='card__title'>{TERMINATION_TEXT.heading}</Text>
      <Text className='line'>{TERMINATION_TEXT.reason(t.reasonLabel)}</Text>
      {t.note && <Text className='line'>{TERMINATION_TEXT.note(t.note)}</Text>}
      <Text className='line muted'>{TERMINATION_TEXT.proposedAt(chinaTime(t.proposedAt))}</Text>
      {t.decidedAt && <Text className='line muted'>{TERMINATION_TEXT.decidedAt(chinaTime(t.decidedAt))}</Text>}
      <Text className='line'>{t.supportStopsFrom ? TERMINATION_TEXT.stops(monthLabel(t.supportStopsFrom)) : TERMINATION_TEXT.pending}</Text>
    </View>
  )
}

/** 待复核: what the daily re-check found, and what the worker may do about it. */
export function Recheck({ entry }: { entry: RegistrationView }) {
  const r = entry.recheck
  if (!r) return null
  return (
    <View className='card card--warn' id='entry-recheck'>
      <Text className='card__title'>{RECHECK_TEXT.heading}</Text>
      <Text className='line'>{RECHECK_TEXT.lost(r.lostLabels.join('、'))}</Text>
      {r.reasons.map((reason) => (
        <Text key={reason} className='line'>
          {reason}
        </Text>
      ))}
      <Text className='line muted'>{RECHECK_TEXT.found(r.foundOn)}</Text>
      <Text className='line muted'>{RECHECK_TEXT.intro}</Text>
    </View>
  )
}

/**
 * What the rules suggest about a record (src/domain/eligibility.ts): each category with the facts and the
 * rule it rests on, what must still be known, and the notes. One card for the guardian's review page and
 * the worker's record; each side words it for its reader (props), the rules and their reasons are the same.
 */
import { Text, View } from '@tarojs/components'
import { findingLabel, type Classification } from '@/domain/eligibility'
import './classification-card.scss'
import { idProp } from '@/components/a11y'

export interface ClassificationWords {
  heading: string
  /** No category applies (yet). */
  none: string
  /** Above the findings, when there are any. */
  intro?: string
  because: string
  rule: string
  missingHeading: string
  notesHeading: string
  /** At the bottom: a suggestion, not a decision. */
  note: string
}

export interface ClassificationCardProps {
  id: string
  result: Pick<Classification, 'findings' | 'missing' | 'notes'>
  words: ClassificationWords
}

export default function ClassificationCard({ id, result, words }: ClassificationCardProps) {
  return (
    <View className='card' {...idProp(id)}>
      <Text className='card__title'>{words.heading}</Text>
      {result.findings.length === 0 && <Text className='line'>{words.none}</Text>}
      {result.findings.length > 0 && words.intro && <Text className='line'>{words.intro}</Text>}
      {result.findings.map((f) => (
        <View key={f.category} className='classification__finding'>
          <Text className='classification__label'>{findingLabel(f)}</Text>
          <Text className='line'>{`${words.because}${f.facts.join('；')}。`}</Text>
          <Text className='line muted'>{`${words.rule}${f.rule}`}</Text>
        </View>
      ))}
      {result.missing.length > 0 && <Text className='classification__subhead'>{words.missingHeading}</Text>}
      {result.missing.map((m) => (
        <Text key={m} className='line'>{`• ${m}`}</Text>
      ))}
      {result.notes.length > 0 && <Text className='classification__subhead'>{words.notesHeading}</Text>}
      {result.notes.map((n) => (
        <Text key={n} className='line'>{`• ${n}`}</Text>
      ))}
      <Text className='line muted'>{words.note}</Text>
    </View>
  )
}

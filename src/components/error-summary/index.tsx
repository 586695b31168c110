/**
 * The problems of a step, listed at its top in words (each also stands beside its field). Tapping one
 * scrolls to the field. Announced as an alert so that a screen reader reads it when it appears.
 */
import { Text, View } from '@tarojs/components'
import { SUMMARY_TEXT } from '../strings'
import './index.scss'

export interface SummaryItem {
  path: string
  message: string
}

export default function ErrorSummary({ items, onPick }: { items: readonly SummaryItem[]; onPick(path: string): void }) {
  if (items.length === 0) return null
  return (
    <View id='error-summary' className='error-summary' ariaRole='alert'>
      <Text className='error-summary__heading'>{SUMMARY_TEXT.heading(items.length)}</Text>
      {items.map((item, i) => (
        <View key={`${item.path}:${i}`} className='error-summary__item' ariaRole='link' onClick={() => onPick(item.path)}>
          <Text>{`${i + 1}. ${item.message}`}</Text>
        </View>
      ))}
      <Text className='error-summary__hint'>{SUMMARY_TEXT.tapHint}</Text>
    </View>
  )
}

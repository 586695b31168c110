/** One entry of the queue, as the server sends it: name, ID number and phone already masked. */
import { Text, View } from '@tarojs/components'
import { categoryLabel } from '@/domain/eligibility'
import { chinaTime } from '../logic/format'
import type { QueueItem } from '@/domain/api'
import { QUEUE_TEXT, RECHECK_TEXT, SEX_TEXT } from '../strings'
import { pressable } from '@/components/a11y'

export default function QueueRow({ item, onOpen }: { item: QueueItem; onOpen(): void }) {
  return (
    <View className='card queue__item' id={`queue-${item.id}`} ariaRole='link' {...pressable(onOpen)} onClick={onOpen}>
      <View className='queue__head'>
        <Text className='queue__name'>{item.child.name}</Text>
        <Text className='queue__meta'>{QUEUE_TEXT.ageSex(SEX_TEXT[item.child.sex ?? ''] ?? '', item.child.age)}</Text>
        <Text className={`w-tag w-tag--${item.status}`}>{item.statusLabel}</Text>
        {item.possibleDuplicate && <Text className='w-tag w-tag--warn'>{QUEUE_TEXT.duplicate}</Text>}
      </View>
      <Text className='line queue__id'>{item.child.idNumber}</Text>
      <Text className='line'>{item.village.name}</Text>
      {item.categories.length > 0 && <Text className='line'>{item.categories.map(categoryLabel).join('、')}</Text>}
      {item.recheck && (
        <View className='queue__recheck' id={`recheck-${item.id}`}>
          <Text className='line'>{RECHECK_TEXT.lost(item.recheck.lostLabels.join('、'))}</Text>
          {item.recheck.reasons.map((r) => (
            <Text key={r} className='line'>
              {r}
            </Text>
          ))}
        </View>
      )}
      <Text className='line muted'>{QUEUE_TEXT.contact(item.contact.name, item.contact.phone)}</Text>
      <Text className='line muted'>{QUEUE_TEXT.updated(chinaTime(item.updatedAt))}</Text>
    </View>
  )
}

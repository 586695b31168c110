/**
 * One child on 本月待走访: masked name and village as in the list of the region, where the visit stands
 * (due since when, the last visit, or this month's), and 记录走访 — or, once recorded and not yet on the
 * server, 已记录，等待发送.
 */
import { Text, View } from '@tarojs/components'
import ActionButton from '@/components/button'
import type { VisitDueItem } from '@/domain/api'
import { labelOf } from '@/domain/codes'
import { categoryLabel } from '@/domain/eligibility'
import { VISIT_METHODS } from '@/domain/review'
import { QUEUE_TEXT, SEX_TEXT } from '../strings'
import { VISITS_TEXT } from './strings'

export default function VisitRow({
  item,
  waiting,
  onRecord,
  onOpen,
}: {
  item: VisitDueItem
  waiting: boolean
  onRecord?(): void
  onOpen(): void
}) {
  const { visit } = item
  return (
    <View className={`card visits__item visits__item--${visit.state}`} id={`visit-row-${item.id}`}>
      <View className='visits__head'>
        <Text className='visits__name'>{item.child.name}</Text>
        <Text className='visits__meta'>{QUEUE_TEXT.ageSex(SEX_TEXT[item.child.sex ?? ''] ?? '', item.child.age)}</Text>
        <Text className={`w-tag ${visit.state === 'overdue' ? 'w-tag--warn' : ''}`}>{visit.stateLabel}</Text>
        {waiting && <Text className='w-tag'>{VISITS_TEXT.waiting}</Text>}
      </View>
      <Text className='line'>{item.village.name}</Text>
      {item.categories.length > 0 && <Text className='line'>{item.categories.map(categoryLabel).join('、')}</Text>}
      {visit.state === 'done' && visit.doneOn ? (
        <Text className='line'>{VISITS_TEXT.doneOn(visit.doneOn, labelOf(VISIT_METHODS, visit.doneMethod))}</Text>
      ) : (
        <Text className='line'>
          {VISITS_TEXT.dueIn(visit.dueMonth)}
          {visit.monthsLate > 0 ? `，${VISITS_TEXT.late(visit.monthsLate)}` : ''}
        </Text>
      )}
      <Text className='line muted'>{visit.lastMonth ? VISITS_TEXT.last(visit.lastMonth) : VISITS_TEXT.never}</Text>
      <View className='btn-row'>
        {onRecord && !waiting && visit.state !== 'done' && (
          <ActionButton id={`visit-record-${item.id}`} kind='primary' label={VISITS_TEXT.record} onTap={onRecord} />
        )}
        <ActionButton id={`visit-open-${item.id}`} label={VISITS_TEXT.open} onTap={onOpen} />
      </View>
    </View>
  )
}

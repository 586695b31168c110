/**
 * 待发送的走访记录 for this record: visits kept on the phone that the server has not got yet — waiting for
 * signal (with the next automatic try), or refused by the server (with its reason). 现在重试 sends at once;
 * 删除 drops one after asking (it was never sent, so it would be lost).
 */
import { Text, View } from '@tarojs/components'
import ActionButton from '@/components/button'
import { labelOf } from '@/domain/codes'
import { VISIT_METHODS } from '@/domain/review'
import { confirm } from '@/platform/system'
import { chinaTime } from '../logic/format'
import { discardReview, sendWaitingNow, type ReviewItem } from '../logic/review-outbox'
import { ERROR_TEXT, VISIT_TEXT } from '../strings'

function Row({ item }: { item: ReviewItem }) {
  const visit = item.record.body.visit
  const refused = item.status === 'rejected' || item.status === 'conflict'
  const discard = async () => {
    if (await confirm(VISIT_TEXT.discardTitle, VISIT_TEXT.discardBody, VISIT_TEXT.discardConfirm, VISIT_TEXT.discardCancel))
      discardReview(item.id)
  }
  return (
    <View className='w-history__item' id={`pending-${item.id}`}>
      <View className='w-history__head'>
        <Text className='w-history__action'>{visit ? VISIT_TEXT.when(visit.date, labelOf(VISIT_METHODS, visit.method)) : ''}</Text>
        <Text className={`w-tag ${refused ? 'w-tag--warn' : ''}`}>{VISIT_TEXT.status[item.status] ?? item.status}</Text>
      </View>
      {/* No answer at all: the transport's own words are not for people. */}
      {item.status === 'failed' && item.lastError?.kind === 'offline' && <Text className='line muted'>{ERROR_TEXT.offline}</Text>}
      {item.lastError?.kind === 'http' && item.lastError.message && <Text className='line muted'>{item.lastError.message}</Text>}
      {item.status === 'failed' && item.nextRetryAt && (
        <Text className='line muted'>{VISIT_TEXT.nextTry(chinaTime(item.nextRetryAt))}</Text>
      )}
      <View className='btn-row'>
        {item.status === 'failed' && <ActionButton className='btn--small' label={VISIT_TEXT.retry} onTap={sendWaitingNow} />}
        <ActionButton className='btn--small' kind='danger' label={VISIT_TEXT.discard} onTap={discard} />
      </View>
    </View>
  )
}

export default function PendingVisits({ items }: { items: ReviewItem[] }) {
  if (items.length === 0) return null
  return (
    <View className='card card--warn' id='entry-pending'>
      <Text className='card__title'>{VISIT_TEXT.outboxHeading}</Text>
      {items.map((item) => (
        <Row key={item.id} item={item} />
      ))}
    </View>
  )
}

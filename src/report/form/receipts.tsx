/**
 * 我的报告: the receipts the server gives the reporter — number, time, 处理中/已处理 — and a line for those
 * still on the phone. Nothing about the child or what the workers did: that is not the reporter's to see.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ReportReceipt } from '@/domain/report-api'
import { savedAt } from '@/features/registrations/strings'
import { canSignInQuietly, currentUserId } from '@/services/auth'
import { fetchMyReports } from '@/services/reports'
import { useOutbox } from '@/store/outbox'
import { unsentReports } from '../logic/send'
import { REPORT_TEXT } from '../strings'

export default function Receipts({ version }: { version: number }) {
  const [items, setItems] = useState<ReportReceipt[] | 'failed' | undefined>()
  const unsent = unsentReports(useOutbox((s) => s.items)).length
  useEffect(() => {
    let live = true
    // A browser that has never signed in has no receipts; merely opening the page does not make an account.
    if (!canSignInQuietly() && !currentUserId()) return setItems([])
    fetchMyReports().then(
      (list) => live && setItems(list),
      () => live && setItems('failed'),
    )
    return () => {
      live = false
    }
  }, [version])
  return (
    <View className='card' id='report-receipts'>
      <Text className='card__title'>{REPORT_TEXT.receiptsHeading}</Text>
      {unsent > 0 && <Text className='line'>{REPORT_TEXT.unsent(unsent)}</Text>}
      {items === 'failed' && <Text className='line muted'>{REPORT_TEXT.receiptsFailed}</Text>}
      {Array.isArray(items) && items.length === 0 && unsent === 0 && <Text className='line muted'>{REPORT_TEXT.receiptsEmpty}</Text>}
      {Array.isArray(items) &&
        items.map((r) => (
          <Text key={r.id} className='line' id={`receipt-${r.id}`}>
            {REPORT_TEXT.receipt(r.number, savedAt(r.createdAt), r.statusLabel)}
          </Text>
        ))}
    </View>
  )
}

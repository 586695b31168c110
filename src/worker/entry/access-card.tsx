/**
 * 访问记录, for the county administrator: who opened this record, revealed which number, printed which form
 * or exported a roster holding it, and when (from the server's audit log; docs/accounts.md). Loaded on a tap,
 * so that reading the record does not also read its whole access log.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '@/components/button'
import type { AccessEntry } from '@/domain/api'
import { ACCESS_TEXT } from '../accounts/strings'
import { errorText } from '../logic/api'
import { accountsApi } from '../logic/accounts-api'
import { chinaTime } from '../logic/format'

export default function AccessCard({ id }: { id: string }) {
  const [items, setItems] = useState<AccessEntry[]>()
  const [problem, setProblem] = useState<string>()
  const load = () =>
    accountsApi.access(id).then(
      (answer) => setItems(answer.items ?? []),
      (error) => setProblem(errorText(error)),
    )
  return (
    <View className='card' id='entry-access'>
      <Text className='card__title'>{ACCESS_TEXT.heading}</Text>
      <Text className='line muted'>{ACCESS_TEXT.intro}</Text>
      {!items && <ActionButton id='access-load' label={ACCESS_TEXT.show} onTap={load} />}
      {items && items.length === 0 && <Text className='line muted'>{ACCESS_TEXT.empty}</Text>}
      {items?.map((a, i) => (
        <Text className='line' key={`${a.at}-${i}`}>
          {ACCESS_TEXT.line(chinaTime(a.at), a.who ?? '', a.roleLabel, a.actionLabel, a.detail)}
        </Text>
      ))}
      {problem && <Text className='field__error'>{problem}</Text>}
    </View>
  )
}

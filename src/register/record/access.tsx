/**
 * 谁看过这条登记: which levels (村、乡镇、县 …) have opened the registration, how often and when last —
 * never who (docs/accounts.md, "Who has read a record"). Needs the network; says nothing when offline.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { AccessAnswer, AccessLevel } from '@/domain/api'
import { clockTime } from '@/features/registrations/strings'
import { authRequest } from '@/services/auth'
import { RECORD_TEXT } from '../strings'

export default function Access({ id, version }: { id: string; version?: number }) {
  const [levels, setLevels] = useState<AccessLevel[]>()
  useEffect(() => {
    let live = true
    if (version !== undefined)
      authRequest<AccessAnswer>(`/api/v1/registrations/${id}/access`).then(
        (answer) => live && setLevels(answer?.levels ?? []),
        () => undefined,
      )
    return () => {
      live = false
    }
  }, [id, version])
  if (!levels) return null
  return (
    <View className='card' id='record-access'>
      <Text className='card__title'>{RECORD_TEXT.accessHeading}</Text>
      <Text className='line muted'>{RECORD_TEXT.accessIntro}</Text>
      {levels.length === 0 && <Text className='line muted'>{RECORD_TEXT.accessNone}</Text>}
      {levels.map((l) => (
        <Text className='line' key={l.role}>
          {RECORD_TEXT.accessLevel(l.roleLabel, l.count, clockTime(l.lastAt))}
        </Text>
      ))}
    </View>
  )
}

/**
 * The two lines a worker page says things in: a notice (what just happened, read out politely by a screen
 * reader) and a problem (what went wrong, read out at once). Nothing is drawn while there is nothing to say.
 * A problem may carry what to do about it (a 重新加载 button) as its children.
 */
import { Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'

export function Notice({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null
  return (
    <View className='w-notice' ariaRole='status' id={id}>
      <Text>{text}</Text>
    </View>
  )
}

export function Problem({ id, text, children }: PropsWithChildren<{ id?: string; text: string | undefined }>) {
  if (!text) return null
  return (
    <View className='field__error' ariaRole='alert' id={id}>
      <Text>{text}</Text>
      {children}
    </View>
  )
}

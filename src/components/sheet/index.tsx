/**
 * A panel over the page for pickers with long lists (民族, 地址, 日期). Rendered only while open, so a
 * closed picker costs no nodes. In 长辈模式 it takes the whole screen.
 */
import { ScrollView, Text, View } from '@tarojs/components'
import type { PropsWithChildren, ReactNode } from 'react'
import { FIELD_TEXT } from '../strings'
import './index.scss'
import { idProp, pressable } from '../a11y'

export interface SheetProps {
  title: string
  onClose(): void
  /** Fixed area under the title (breadcrumbs, column headers). */
  header?: ReactNode
  footer?: ReactNode
  /** Set false when the body scrolls on its own (columns). */
  scroll?: boolean
  id?: string
}

export default function Sheet({ title, onClose, header, footer, scroll = true, id, children }: PropsWithChildren<SheetProps>) {
  return (
    <View className='sheet' {...idProp(id)} catchMove>
      <View className='sheet__mask' onClick={onClose} />
      <View className='sheet__panel' ariaRole='dialog' ariaLabel={title}>
        <View className='sheet__head'>
          <Text className='sheet__title'>{title}</Text>
          <View className='sheet__close' ariaRole='button' {...pressable(onClose)} onClick={onClose}>
            <Text>{FIELD_TEXT.close}</Text>
          </View>
        </View>
        {header}
        {scroll ? (
          <ScrollView scrollY className='sheet__body'>
            {children}
          </ScrollView>
        ) : (
          <View className='sheet__body sheet__body--fixed'>{children}</View>
        )}
        {footer && <View className='sheet__foot'>{footer}</View>}
      </View>
    </View>
  )
}

/**
 * The frame of every page: the rem base (<page-meta root-font-size> in the mini-program) and the root
 * view, marked `page--elder` in 长辈模式 so that layouts switch to one column with larger touch targets.
 * Props only: features/page-shell decides both from the 长辈模式 switch and WeChat's font size.
 * Page configs must set `enablePageMeta: true` for PageMeta to take effect.
 */
import { PageMeta, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import './index.scss'

export interface PageFrameProps {
  elder: boolean
  /** The rem base in px. */
  rootPx: number
  className?: string
}

export default function PageFrame({ elder, rootPx, className = '', children }: PropsWithChildren<PageFrameProps>) {
  return (
    <>
      {process.env.TARO_ENV === 'weapp' && <PageMeta rootFontSize={`${rootPx}px`} pageFontSize='system' />}
      <View className={`page ${elder ? 'page--elder' : ''} ${className}`} ariaRole='main'>
        {children}
      </View>
    </>
  )
}

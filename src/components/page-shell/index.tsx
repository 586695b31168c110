/**
 * Every guardian page sits in a PageShell: it sets the rem base from WeChat's font-size setting and the
 * 长辈模式 switch (<page-meta root-font-size> in the mini-program, the document font size in H5), and
 * marks the root with `page--elder` so that layouts switch to one column with larger touch targets.
 * Page configs must set `enablePageMeta: true` for PageMeta to take effect.
 */
import { PageMeta, View } from '@tarojs/components'
import { useEffect, type PropsWithChildren } from 'react'
import { applyRootFontSize, systemFontSize } from '@/services/system'
import { elderModeFor, rootFontPx, useSettings } from '@/store/settings'
import './index.scss'

export function useElderMode(): { elder: boolean; rootPx: number } {
  const switchOn = useSettings((s) => s.elderMode)
  const systemPx = systemFontSize()
  return { elder: elderModeFor(switchOn, systemPx), rootPx: rootFontPx(switchOn, systemPx) }
}

export default function PageShell({ children, className = '' }: PropsWithChildren<{ className?: string }>) {
  const { elder, rootPx } = useElderMode()
  useEffect(() => applyRootFontSize(rootPx), [rootPx])
  return (
    <>
      {process.env.TARO_ENV === 'weapp' && <PageMeta rootFontSize={`${rootPx}px`} pageFontSize='system' />}
      <View className={`page ${elder ? 'page--elder' : ''} ${className}`}>{children}</View>
    </>
  )
}

/**
 * Every page sits in a PageShell: the rem base follows WeChat's font-size setting and the 长辈模式 switch
 * (the settings store), drawn by components/page-frame; in H5, where there is no <page-meta>, the
 * document's font size is set instead.
 */
import { useEffect, type PropsWithChildren } from 'react'
import PageFrame from '@/components/page-frame'
import { applyRootFontSize, systemFontSize } from '@/platform/system'
import { elderModeFor, rootFontPx, useSettings } from '@/store/settings'

export function useElderMode(): { elder: boolean; rootPx: number } {
  const switchOn = useSettings((s) => s.elderMode)
  const systemPx = systemFontSize()
  return { elder: elderModeFor(switchOn, systemPx), rootPx: rootFontPx(switchOn, systemPx) }
}

export default function PageShell({ children, className }: PropsWithChildren<{ className?: string }>) {
  const { elder, rootPx } = useElderMode()
  useEffect(() => applyRootFontSize(rootPx), [rootPx])
  return (
    <PageFrame elder={elder} rootPx={rootPx} className={className}>
      {children}
    </PageFrame>
  )
}

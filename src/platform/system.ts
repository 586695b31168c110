/**
 * Device and UI services: WeChat's font-size setting, toasts, confirmations, scrolling to an element, the
 * root font size and WeChat's sign-in code. Pages and services call these instead of Taro so that they
 * stay testable and platform-neutral.
 */
import Taro from '@tarojs/taro'
import { nameTaroModal } from './h5-modal'

/** WeChat's standard text size: 17 px on iOS, 16 px on Android; we assume the smaller when unknown. */
export const STANDARD_FONT_PX = 16

let fontSetting: number | undefined

/** WeChat's font-size setting in px (read once: WeChat asks apps not to query system info repeatedly). */
export function systemFontSize(): number {
  if (fontSetting !== undefined) return fontSetting
  // A browser has no WeChat font setting; asking Taro's H5 build for system info would bring in a user-agent
  // parser (42 KB before compression) for nothing.
  if (process.env.TARO_ENV === 'h5') return (fontSetting = STANDARD_FONT_PX)
  let value: number | undefined
  try {
    // The base info carries fontSizeSetting on WeChat; older typings of the fallback do not declare it.
    const info = (typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()) as {
      fontSizeSetting?: number
    }
    value = Number(info?.fontSizeSetting)
  } catch {
    value = undefined
  }
  fontSetting = value && Number.isFinite(value) && value > 0 ? value : STANDARD_FONT_PX
  return fontSetting
}

/** For tests: pretend WeChat reports this font size (undefined: read it again). */
export function overrideSystemFontSize(px: number | undefined): void {
  fontSetting = px
}

/** A fresh `wx.login` code: single-use, so one per sign-in. */
export function wechatLoginCode(): Promise<string> {
  return Taro.login().then((result) => result.code)
}

export function toast(title: string): void {
  Taro.showToast({ title, icon: 'none', duration: 2500 })
}

/** Taro.showModal, its H5 box named for a screen reader once it is on the page (h5-modal.ts). */
function showModal(options: Taro.showModal.Option): Promise<Taro.showModal.SuccessCallbackResult> {
  // The app's own green: Taro's default (#3CC51F) on white is too faint to read (contrast 2.4:1).
  const shown = Taro.showModal({ confirmColor: '#1f6f5c', ...options })
  if (process.env.TARO_ENV === 'h5') setTimeout(nameTaroModal, 0)
  return shown
}

/** A message too long for a toast, read until the person taps 知道了. */
export async function notify(title: string, content: string): Promise<void> {
  try {
    await showModal({ title, content, showCancel: false, confirmText: '知道了' })
  } catch {
    // No dialog (a test page): nothing to wait for.
  }
}

/** A yes/no question; resolves true when the person confirms. */
export async function confirm(title: string, content: string, confirmText: string, cancelText: string): Promise<boolean> {
  try {
    const result = await showModal({ title, content, confirmText, cancelText })
    return !!result.confirm
  } catch {
    return false
  }
}

/** Scrolls the page so that the first element matching `selector` is visible. */
export function scrollToSelector(selector: string): void {
  if (process.env.TARO_ENV === 'h5') {
    const el = typeof document !== 'undefined' ? (document.querySelector(selector) as HTMLElement | null) : null
    el?.scrollIntoView?.({ block: 'center', behavior: 'smooth' })
    return
  }
  Taro.pageScrollTo({ selector, offsetTop: -96, duration: 200 }).catch(() => undefined)
}

export function scrollToTop(): void {
  if (process.env.TARO_ENV === 'h5') {
    if (typeof window !== 'undefined') window.scrollTo?.(0, 0)
    return
  }
  Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
}

/**
 * The H5 build has no <page-meta>: the rem base is the document's font size. Taro's own script sets an
 * inline size from the window width (20.8 px on a 390 px phone) on load, again about 500 ms later and on
 * every resize, so an inline size of ours would be overwritten. A style rule marked !important outranks
 * any inline size that is not, so one rule, rewritten when the size changes, holds on every page and
 * after every reset. Every page asks for the same size (one settings store), so nothing is undone when a
 * page closes. In the mini-program this is a no-op: PageMeta's rootFontSize does it per page.
 */
export function applyRootFontSize(px: number): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
  const id = 'hutong-root-font'
  let rule = document.getElementById(id)
  if (!rule) {
    rule = document.createElement('style')
    rule.id = id
    document.head.appendChild(rule)
  }
  const css = `html{font-size:${px}px !important}`
  if (rule.textContent !== css) rule.textContent = css
}

/**
 * Pull-to-refresh on a page whose config sets `enablePullDownRefresh`: runs `refresh`, then stops the
 * spinner. Taro adds its page hooks to the API object at run time; where they do not exist (page tests)
 * this does nothing — the same for the whole run, so the order of React hooks never changes.
 */
export function usePullToRefresh(refresh: () => Promise<unknown>): void {
  const hook = (Taro as unknown as { usePullDownRefresh?: (fn: () => void) => void }).usePullDownRefresh
  hook?.(() => {
    refresh().finally(() => Taro.stopPullDownRefresh?.())
  })
}

/**
 * Moving between pages. Pages ask for a destination (`openWizard(id)`), never for a URL, and the
 * navigator behind it can be replaced (tests render pages without Taro's router).
 */
import Taro from '@tarojs/taro'

export interface Navigator {
  navigateTo(url: string): void
  redirectTo(url: string): void
  reLaunch(url: string): void
  navigateBack(): void
  /** Query parameters of the current page. */
  params(): Record<string, string | undefined>
}

export const ROUTES = {
  home: '/pages/index/index',
  wizard: '/register/wizard/index',
  done: '/register/done/index',
  mine: '/pages/mine/index',
  record: '/register/record/index',
  /** The worker subpackage's way in (its other routes live in src/worker/logic/nav.ts). */
  workerLogin: '/worker/login/index',
  /** 报告可能有危险的孩子 (the report subpackage). */
  report: '/report/form/index',
} as const

const taroNavigator: Navigator = {
  navigateTo: (url) => void Taro.navigateTo({ url }).catch(() => Taro.redirectTo({ url })),
  redirectTo: (url) => void Taro.redirectTo({ url }),
  reLaunch: (url) => void Taro.reLaunch({ url }),
  navigateBack: () => void Taro.navigateBack().catch(() => Taro.reLaunch({ url: ROUTES.home })),
  params: () => (Taro.getCurrentInstance().router?.params ?? {}) as Record<string, string | undefined>,
}

let navigator: Navigator = taroNavigator

export function setNavigator(next: Navigator): () => void {
  const previous = navigator
  navigator = next
  return () => {
    navigator = previous
  }
}

export const pageParams = () => navigator.params()

/** Opens a draft in the wizard; `replace` swaps the current page (so 返回 from the wizard goes home). */
export function openWizard(draftId: string, { replace = false }: { replace?: boolean } = {}): void {
  const url = `${ROUTES.wizard}?id=${encodeURIComponent(draftId)}`
  if (replace) navigator.redirectTo(url)
  else navigator.navigateTo(url)
}

/** After submitting: the wizard is replaced, so "back" from the done page never returns into it. */
export function openDone(outboxId: string): void {
  navigator.redirectTo(`${ROUTES.done}?id=${encodeURIComponent(outboxId)}`)
}

/** 我的登记 (the list, main package). */
export function openMine(): void {
  navigator.navigateTo(ROUTES.mine)
}

/** One registration: where it stands, the reviewer's reason, its history, a conflict to resolve. */
export function openRecord(id: string, { replace = false }: { replace?: boolean } = {}): void {
  const url = `${ROUTES.record}?id=${encodeURIComponent(id)}`
  if (replace) navigator.redirectTo(url)
  else navigator.navigateTo(url)
}

export function goHome(): void {
  navigator.reLaunch(ROUTES.home)
}

export function goBack(): void {
  navigator.navigateBack()
}

/**
 * Any page by URL, for subpackages that keep their own routes (the worker pages), so that their paths
 * do not weigh on the main package: push (default), replace the current page, or start a new stack.
 */
export function openUrl(url: string, mode: 'push' | 'replace' | 'relaunch' = 'push'): void {
  if (mode === 'replace') navigator.redirectTo(url)
  else if (mode === 'relaunch') navigator.reLaunch(url)
  else navigator.navigateTo(url)
}

/**
 * The H5 side of app.config's `preloadRule`. WeChat reads the rule itself and downloads the named
 * subpackages while a page is open; Taro's H5 router ignores it and fetches a page's script only when the
 * page is opened, which on a weak network leaves the guardian waiting seconds after tapping 开始登记.
 * So on H5, once the page has rendered and the browser is idle, the first page of each subpackage the
 * rule names for this page is loaded through the router's own route table (`window.__taroAppConfig.routes`,
 * which Taro's H5 entry sets: each route's `load()` is the same `import()` the router runs on navigation),
 * so that opening it later needs no download. Nothing else is fetched, and only after the page is shown:
 * the page itself never waits for it. A failed fetch is forgotten; the tap then loads as usual.
 */
import { useEffect } from 'react'
import Taro from '@tarojs/taro'

interface H5Route {
  path: string
  load(context?: unknown, params?: unknown): unknown[]
}

interface H5AppConfig {
  routes?: H5Route[]
  subPackages?: { root: string; pages: string[] }[]
  preloadRule?: Record<string, { packages?: string[] }>
}

const started = new Set<string>()

/** The routes to fetch for `page` under the app's preloadRule: each named subpackage's first page. */
export function preloadRoutes(config: H5AppConfig | undefined, page: string): H5Route[] {
  const packages = config?.preloadRule?.[page]?.packages ?? []
  return packages.flatMap((root) => {
    const first = config?.subPackages?.find((sub) => sub.root === root)?.pages[0]
    const route = first ? config?.routes?.find((r) => r.path === `${root}/${first}`) : undefined
    return route ? [route] : []
  })
}

function whenIdle(run: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, opts: { timeout: number }) => void }).requestIdleCallback
  if (idle) idle(run, { timeout: 3000 })
  else setTimeout(run, 1000)
}

/** Loads what the preloadRule names for `page`, once per app start. */
export function preloadFor(page: string, config = (globalThis as { __taroAppConfig?: H5AppConfig }).__taroAppConfig): void {
  for (const route of preloadRoutes(config, page)) {
    if (started.has(route.path)) continue
    started.add(route.path)
    try {
      const [loading] = route.load()
      Promise.resolve(loading).catch(() => started.delete(route.path))
    } catch {
      started.delete(route.path)
    }
  }
}

function useH5PreloadRule(): void {
  useEffect(() => {
    const path = Taro.getCurrentInstance().router?.path ?? ''
    const page = path.replace(/^\//, '').replace(/\?.*$/, '')
    if (page) whenIdle(() => preloadFor(page))
  }, [])
}

/**
 * In a page of the main package: after it has rendered, when the browser is idle, fetch its preloadRule's
 * pages. H5 only; in the mini-program build it is an empty function, so nothing of this file weighs on the
 * main package there.
 */
export const usePreloadRule: () => void = process.env.TARO_ENV === 'h5' ? useH5PreloadRule : () => undefined

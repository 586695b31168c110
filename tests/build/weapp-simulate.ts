/**
 * Runs the real weapp build (dist/weapp) in jsdom with miniprogram-simulate: its WXML is compiled by
 * WeChat's own compiler (wcc), its JS is the built bundle, and `wx` is a stub with an in-memory storage.
 * Taro pages are turned into components (simulate only knows Component) whose `attached` runs the page's
 * onLoad/onShow; every setData of the page is recorded.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { WEAPP_DIST } from './weapp-files'

/* eslint-disable @typescript-eslint/no-var-requires */
const simulate = require('miniprogram-simulate')
const simulateUtils = require('miniprogram-simulate/src/utils')

export interface SimPage {
  comp: any
  setData: Record<string, unknown>[]
}

export function bootWeapp(options: { fontSizeSetting?: number } = {}) {
  const storage = new Map<string, unknown>()
  const navigations: string[] = []
  const hideHandlers: (() => void)[] = []
  const base: Record<string, any> = {
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    getAppBaseInfo: () => ({ fontSizeSetting: options.fontSizeSetting ?? 17, SDKVersion: '3.0.0' }),
    getSystemInfoSync: () => ({ fontSizeSetting: options.fontSizeSetting ?? 17, windowWidth: 375, windowHeight: 667, pixelRatio: 2, platform: 'devtools', SDKVersion: '3.0.0' }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
    onAppHide: (fn: () => void) => void hideHandlers.push(fn),
    navigateTo: ({ url }: { url: string }) => void navigations.push(url),
    redirectTo: ({ url }: { url: string }) => void navigations.push(url),
    reLaunch: ({ url }: { url: string }) => void navigations.push(url),
    pageScrollTo: (o: { success?: () => void }) => o?.success?.(),
    showToast: () => undefined,
  }
  // Any other wx API exists and does nothing (Taro wraps the whole API surface at start-up).
  ;(global as any).wx = new Proxy(base, {
    get: (target, key: string) => (key in target ? target[key] : typeof key === 'string' && /^[a-z]/.test(key) && !key.startsWith('webpack') ? () => undefined : undefined),
    has: () => true,
  })

  // A CommonJS loader for the bundle's files (webpack chunks call require('./common') etc.).
  const modules = new Map<string, { exports: any }>()
  const load = (file: string): any => {
    const key = file.replace(/\.js$/, '')
    const hit = modules.get(key)
    if (hit) return hit.exports
    const mod = { exports: {} }
    modules.set(key, mod)
    const code = readFileSync(`${key}.js`, 'utf8')
    // eslint-disable-next-line no-new-func
    new Function('require', 'module', 'exports', code)((rel: string) => load(join(dirname(key), rel)), mod, mod.exports)
    return mod.exports
  }
  // simulate runs a component's JS once per load(); webpack runs a module's body only once per app. So the
  // options each file gave to Component() are kept and handed over again on later loads.
  const simulateComponent = (global as any).__simulateComponent ?? (global as any).Component
  ;(global as any).__simulateComponent = simulateComponent
  const componentOptions = new Map<string, unknown>()
  let running = ''
  // Every setData of every Taro component (pages and CustomWrappers) is recorded.
  const allSetData: { owner: string; data: Record<string, unknown> }[] = []
  const record = (instance: any, owner: string) => {
    const setData = instance.setData.bind(instance)
    instance.setData = (data: Record<string, unknown>, cb?: () => void) => {
      allSetData.push({ owner, data })
      setData(data, cb)
    }
  }
  ;(global as any).Component = (raw: any) => {
    const owner = running.slice(WEAPP_DIST.length + 1)
    const attached = raw.lifetimes?.attached ?? raw.attached
    const opts = {
      ...raw,
      lifetimes: {
        ...raw.lifetimes,
        attached(this: any) {
          record(this, owner)
          attached?.call(this)
        },
      },
    }
    componentOptions.set(running, opts)
    simulateComponent(opts)
  }
  simulateUtils.runJs = (file: string) => {
    if (componentOptions.has(file)) return simulateComponent(componentOptions.get(file))
    running = file
    load(file)
  }

  let app: any
  const pages: any[] = []
  ;(global as any).App = (config: any) => {
    app = config
  }
  ;(global as any).getApp = () => app
  ;(global as any).getCurrentPages = () => pages
  let route = ''
  let query: Record<string, string> = {}
  let recorder: Record<string, unknown>[] = []
  ;(global as any).Page = (config: any) => {
    const methods = Object.fromEntries(Object.entries(config).filter(([, v]) => typeof v === 'function'))
    ;(global as any).Component({
      data: config.data ?? {},
      methods,
      lifetimes: {
        attached(this: any) {
          const setData = this.setData.bind(this)
          const calls = recorder
          this.setData = (data: Record<string, unknown>, cb?: () => void) => {
            calls.push(data)
            setData(data, cb)
          }
          this.route = route
          this.__route__ = route
          pages.push(this)
          this.onLoad?.(query)
          this.onShow?.()
        },
        detached(this: any) {
          this.onUnload?.()
        },
      },
    })
  }

  load(join(WEAPP_DIST, 'app'))
  app.onLaunch?.({ path: 'pages/index/index', query: {} })
  app.onShow?.({ path: 'pages/index/index', query: {} })

  return {
    storage,
    allSetData,
    navigations,
    hide: () => hideHandlers.forEach((fn) => fn()),
    open(path: string, params: Record<string, string> = {}): SimPage {
      route = path
      query = params
      const setData: Record<string, unknown>[] = []
      recorder = setData
      const id = simulate.load(join(WEAPP_DIST, path), { rootPath: WEAPP_DIST, compiler: 'official' })
      const comp = simulate.render(id)
      comp.attach(document.createElement('parent-wrapper'))
      return { comp, setData }
    },
    sleep: (ms = 0) => simulate.sleep(ms),
  }
}

/**
 * Runs the compiled weapp build (dist/weapp) in miniprogram-simulate: the page WXML is compiled by the real
 * `wcc` and the page JS is Taro's real runtime, so a test sees what WeChat would get — setData payloads included.
 * simulate only knows `Component`, so Taro's `Page(options)` becomes a Component whose `attached` runs
 * onLoad/onShow; `App`, `getApp`, `getCurrentPages`, storage and navigation are stubbed here.
 */
import { Buffer } from 'node:buffer'
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import simulate, { type Component, type RootComponent } from 'miniprogram-simulate'
import { assertWeappBuild, WEAPP_DIST } from '../build/weapp-files'

export interface SetDataCall {
  component: string
  keys: string[]
  bytes: number
  payload: Record<string, unknown>
}
type Options = Record<string, any>
/** simulate's handles: a rendered page, and any node in it (events, queries). */
type PageHandle = RootComponent<any, any, any>
type Handle = Component<any, any, any>
type Instance = Options & { setData(data: Record<string, unknown>, cb?: () => void): void }

const g = globalThis as Options
/** Every setData of every page or Taro wrapper component (comp, custom-wrapper), in call order. */
export const setDataLog: SetDataCall[] = []
/** wx storage, as the app persisted it: key → a copy of the value (WeChat stores copies, not the caller's object). */
export const storage = new Map<string, unknown>()
/** wx.navigateTo / redirectTo / reLaunch / switchTab / navigateBack calls. */
export const navigations: { api: string; url?: string }[] = []
const appHideListeners: (() => void)[] = []
const pageStack: Instance[] = []
let app: Options | undefined
let opening: { path: string; query: Record<string, string> } | undefined

// Count and size every setData on the instance before Taro can call it.
function countSetData(inst: Instance, component: string) {
  const original = inst.setData
  inst.setData = (data, cb) => {
    setDataLog.push({ component, keys: Object.keys(data), bytes: Buffer.byteLength(JSON.stringify(data)), payload: data })
    return original.call(inst, data, cb)
  }
}

// simulate registers a component only when its JS runs Component(); webpack runs a chunk once per realm, so
// the definitions are kept per file and replayed when the same page (or comp.js) is loaded again.
const definitions = new Map<string, Options>()
let loadingFile = ''
const simulateComponent = g.Component as (def: Options) => void
g.Component = (def: Options) => {
  definitions.set(loadingFile, def)
  const { created } = def.lifetimes ?? {}
  const legacyCreated = def.created
  const name = loadingFile.replace(`${WEAPP_DIST}/`, '')
  simulateComponent({
    ...def,
    lifetimes: {
      ...def.lifetimes,
      created(this: Instance) {
        countSetData(this, name)
        ;(created ?? legacyCreated)?.call(this)
      },
    },
  })
}
const simulateUtils = require('miniprogram-simulate/src/utils') as { runJs(file: string): void }
const runJs = simulateUtils.runJs
simulateUtils.runJs = (file: string) => {
  loadingFile = file
  const known = definitions.get(file)
  if (known) g.Component(known)
  else runJs(file)
}

g.Page = (options: Options) => {
  const methods: Options = {}
  for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value
  g.Component({
    data: options.data,
    methods,
    attached(this: Instance) {
      const { path, query } = opening!
      Object.assign(this, { route: path, __route__: path, options: query })
      pageStack.push(this)
      this.onLoad(query)
      this.onShow()
    },
    ready(this: Instance) {
      this.onReady?.()
    },
    detached(this: Instance) {
      this.onUnload?.()
      pageStack.splice(pageStack.indexOf(this), 1)
    },
  })
}
g.App = (options: Options) => {
  app = options
}
g.getApp = () => app
g.getCurrentPages = () => [...pageStack]

/** What the device reports beyond simulate's defaults (WeChat's font-size setting): set before the first page. */
const device: { fontSizeSetting?: number } = {}
export function setFontSizeSetting(px: number): void {
  if (app) throw new Error('setFontSizeSetting: the app has started; call it before the first openPage (one setting per test file)')
  device.fontSizeSetting = px
}
const simulated = { getAppBaseInfo: g.wx.getAppBaseInfo, getSystemInfoSync: g.wx.getSystemInfoSync }

const copy = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)))
const done = (opts: Options) => {
  Promise.resolve().then(() => {
    opts.success?.({ errMsg: 'ok' })
    opts.complete?.({ errMsg: 'ok' })
  })
}
// The app stores through the synchronous API only (src/platform/storage.ts); simulate's own stubs store nothing.
Object.assign(g.wx, {
  getStorageSync: (key: string) => (storage.has(key) ? copy(storage.get(key)) : ''),
  setStorageSync: (key: string, value: unknown) => {
    storage.set(key, copy(value))
  },
  removeStorageSync: (key: string) => {
    storage.delete(key)
  },
  clearStorageSync: () => storage.clear(),
  getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
  getAppBaseInfo: () => ({ ...simulated.getAppBaseInfo(), ...device }),
  getSystemInfoSync: () => ({ ...simulated.getSystemInfoSync(), ...device }),
  onAppHide: (fn: () => void) => appHideListeners.push(fn),
  offAppHide: (fn: () => void) => {
    if (appHideListeners.includes(fn)) appHideListeners.splice(appHideListeners.indexOf(fn), 1)
  },
  ...Object.fromEntries(
    ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack'].map((api) => [
      api,
      (o: Options = {}) => {
        navigations.push({ api, url: o.url })
        return done(o)
      },
    ]),
  ),
})

/** Waits until Taro has flushed its setData batches (it schedules them with setTimeout). */
export async function settle(ms = 20): Promise<void> {
  let seen = -1
  while (seen !== setDataLog.length) {
    seen = setDataLog.length
    await simulate.sleep(ms)
  }
}

/**
 * Waits (up to `limitMs`) until `ready()` holds, then for the batches to settle: on a busy machine the first
 * quiet window of `settle` can pass before React has even committed, so a test that expects a redraw waits
 * for it by what it shows rather than by time.
 */
export async function settleUntil(ready: () => boolean, limitMs = 5000): Promise<void> {
  const end = Date.now() + limitMs
  while (!ready() && Date.now() < end) await simulate.sleep(10)
  await settle()
}

function launch() {
  assertWeappBuild(WEAPP_DIST)
  for (const file of ['runtime', 'taro', 'vendors', 'common', 'app']) {
    if (existsSync(join(WEAPP_DIST, `${file}.js`))) require(join(WEAPP_DIST, file))
  }
  app!.onLaunch?.({ path: '', query: {}, scene: 1001 })
  app!.onShow?.({ path: '', query: {}, scene: 1001 })
}

/**
 * Opens a page by its path in app.json (e.g. 'pages/index/index') on top of the open ones, as navigateTo does
 * (the page below gets onHide and stays alive: its setData still count), and waits for its first render.
 */
export async function openPage(path: string, query: Record<string, string> = {}) {
  if (!app) launch()
  pageStack.at(-1)?.onHide?.()
  opening = { path, query }
  const id = simulate.load(join(WEAPP_DIST, path), { rootPath: WEAPP_DIST })
  const page = simulate.render(id) as unknown as PageHandle
  const start = setDataLog.length
  page.attach(document.createElement('parent-wrapper'))
  // The first render arrives after the app and page modules ran and Taro's timer fired: wait for it, then settle.
  for (let waited = 0; !setDataLog.slice(start).some((call) => call.component === path); waited += 10) {
    if (waited > 5000) throw new Error(`${path}: no first render (setData) within 5 s`)
    await simulate.sleep(10)
  }
  await settle()
  opening = undefined
  openPages.push(page)
  const close = () => {
    const at = openPages.indexOf(page)
    if (at >= 0) openPages.splice(at, 1)[0].detach()
  }
  return { page, setDataLog, storage, close }
}
const openPages: PageHandle[] = []

/** Closes every open page, top first (each gets onUnload): a test starts with an empty page stack. */
export function closeAll(): void {
  for (const page of openPages.splice(0).reverse()) page.detach()
}

/**
 * A simulate handle on the element with this id (a Taro `id` prop, or a sid), wherever it is in the page:
 * Taro puts parts of a page inside its own components (custom-wrapper, comp), and simulate's selectors stop at
 * a component boundary unless the path of hosts is spelled out with `>>>`.
 */
export function byId(page: Handle, id: string): Handle | undefined {
  type Node = Element & { __wxElement?: { id: string } }
  const el = Array.from(page.dom?.querySelectorAll('*') ?? []).find((node) => (node as Node).__wxElement?.id === id)
  if (!el) return undefined
  const hosts: string[] = []
  for (let p = el.parentElement as Node | null; p && p !== page.dom; p = p.parentElement) {
    if (p.__wxElement && !p.tagName.startsWith('WX-')) hosts.unshift(p.__wxElement.id) // not a built-in wx-* node
  }
  return page.querySelector([...hosts, id].map((h) => `#${h}`).join(' >>> '))
}

/** The element whose text is `text` and whose class list has `className` (simulate prefixes classes: `main--x`). */
export function byText(page: Handle, className: string, text: string): Handle | undefined {
  type Node = Element & { __wxElement?: { id: string } }
  const hasClass = (el: Element) =>
    (el.getAttribute('class') ?? '').split(/\s+/).some((c) => c === className || c.endsWith(`--${className}`))
  const el = Array.from(page.dom?.querySelectorAll('*') ?? []).find(
    (node) => hasClass(node) && node.textContent === text && (node as Node).__wxElement,
  ) as Node | undefined
  return el ? byId(page, el.__wxElement!.id) : undefined
}

/** The `input` inside the element with this id (e.g. a field's container), as a simulate handle. */
export function inputIn(page: Handle, containerId: string): Handle | undefined {
  const container = byId(page, containerId)
  const input = container?.dom?.querySelector('wx-input') as (Element & { __wxElement?: { id: string } }) | null
  return input?.__wxElement ? byId(page, input.__wxElement.id) : undefined
}

/** The values of the first setData of this page (or component) that carries `<page-meta>`'s attributes. */
export function pageMetaValues(component: string): unknown[] {
  const call = setDataLog.find((c) => c.component === component && 'pageMeta' in c.payload)
  return Object.values((call?.payload.pageMeta ?? {}) as Record<string, unknown>)
}

/** The app going to the background: WeChat calls the page's onHide, then App.onHide and wx.onAppHide listeners. */
export async function hideApp(): Promise<void> {
  pageStack.at(-1)?.onHide?.()
  app?.onHide?.()
  appHideListeners.forEach((fn) => fn())
  await settle()
}

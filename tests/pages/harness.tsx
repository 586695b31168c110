/**
 * Renders the guardian's pages as the H5 build does, with a small in-memory router in place of Taro's
 * (pages ask platform/navigation to move; here the top page of a stack is rendered) and the villages
 * request served from server/data/gd-villages.json through the request layer's transport.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { useSyncExternalStore, type ComponentType } from 'react'
import { fieldDomId } from '@/components/form/context'
import { setNavigator, ROUTES } from '@/platform/navigation'
import { setTransport, type Transport } from '@/platform/request'

// jsdom has scrollTo but only logs "not implemented"; the pages scroll to the top on every step change.
window.scrollTo = () => undefined

export interface Route {
  url: string
  path: string
  params: Record<string, string>
  key: number
}

export function createRouter(pages: Record<string, ComponentType>) {
  let stack: Route[] = []
  let seq = 0
  const listeners = new Set<() => void>()
  const parse = (url: string): Route => {
    const [path, query = ''] = url.split('?')
    return { url, path, params: Object.fromEntries(new URLSearchParams(query)), key: ++seq }
  }
  const emit = () => listeners.forEach((l) => l())
  const set = (next: Route[]) => {
    stack = next
    emit()
  }
  const restore = setNavigator({
    navigateTo: (url) => set([...stack, parse(url)]),
    redirectTo: (url) => set([...stack.slice(0, -1), parse(url)]),
    reLaunch: (url) => set([parse(url)]),
    navigateBack: () => set(stack.length > 1 ? stack.slice(0, -1) : stack),
    params: () => stack[stack.length - 1]?.params ?? {},
  })
  function App() {
    const top = useSyncExternalStore(
      (l) => {
        listeners.add(l)
        return () => listeners.delete(l)
      },
      () => stack[stack.length - 1],
    )
    if (!top) return null
    const Page = pages[top.path]
    if (!Page) throw new Error(`no page for ${top.path}`)
    return <Page key={top.key} />
  }
  return {
    App,
    start: (url: string = ROUTES.home) => set([parse(url)]),
    top: () => stack[stack.length - 1],
    restore,
  }
}

const villages = JSON.parse(readFileSync(join(__dirname, '../../server/data/gd-villages.json'), 'utf8')) as Record<
  string,
  [string, string][]
>

/** GET /api/v1/regions/:county/villages from the server's data file; anything else is 404. */
export const serveVillages: Transport = async (req) => {
  const m = /\/api\/v1\/regions\/(\d{6})\/villages$/.exec(req.url)
  if (!m) return { statusCode: 404, data: { error: 'not found' } }
  const townships = Object.fromEntries(Object.entries(villages).filter(([t]) => t.startsWith(m[1])))
  return { statusCode: 200, data: { townships } }
}

/** Serves the villages; `offline` makes every request fail as without signal. */
export function fakeVillagesServer() {
  const state = { offline: false, calls: [] as string[] }
  const transport: Transport = async (req) => {
    state.calls.push(req.url)
    if (state.offline) throw Object.assign(new Error('request:fail timeout'), { errMsg: 'request:fail timeout' })
    return serveVillages(req)
  }
  const restore = setTransport(transport)
  return { state, restore }
}

// ---- driving fields ---------------------------------------------------------------------------------

export function field(path: string): HTMLElement {
  const el = document.getElementById(fieldDomId(path))
  if (!el) throw new Error(`field ${path} is not on the page`)
  return el
}

export const hasField = (path: string) => document.getElementById(fieldDomId(path)) !== null

export async function inputOf(path: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const el = field(path).querySelector('input, textarea') as HTMLInputElement | null
    if (!el) throw new Error(`no input yet in ${path}`)
    return el
  })
}

/** Types the whole text as one input event, then leaves the field (blur commits). */
export async function type(path: string, text: string) {
  const input = await inputOf(path)
  act(() => {
    fireEvent.input(input, { target: { value: text } })
  })
  act(() => {
    fireEvent.blur(input)
  })
}

export function tap(el: Element) {
  act(() => {
    fireEvent.click(el)
  })
}

export function tapText(text: string, scope: HTMLElement = document.body) {
  tap(within(scope).getByText(text))
}

export function choose(path: string, label: string) {
  tapText(label, field(path))
}

export function openPicker(path: string) {
  const picker = field(path).querySelector('.field__picker')
  if (!picker) throw new Error(`${path} has no picker`)
  tap(picker)
}

export function pickOption(path: string, label: string) {
  openPicker(path)
  tapText(label, field(path).querySelector('.sheet') as HTMLElement)
}

/** A day 'YYYY-MM-DD', or a month 'YYYY-MM' in a field that asks for the month only. */
export function pickDate(path: string, iso: string) {
  const [y, m, d] = iso.split('-').map(Number)
  openPicker(path)
  const sheet = field(path).querySelector('.sheet') as HTMLElement
  // A part already chosen reads "✓2015年".
  const parts = d ? [`${y}年`, `${m}月`, `${d}日`] : [`${y}年`, `${m}月`]
  for (const part of parts) tap(within(sheet).getByText(new RegExp(`^✓?${part}$`)))
  tapText('确定', sheet)
}

/** Opens the region picker and taps city, county, township and village by name. */
export async function pickRegion(path: string, names: string[]) {
  openPicker(path)
  const sheet = () => field(path).querySelector('.sheet') as HTMLElement
  for (const name of names) {
    const el = await waitFor(() => within(sheet()).getByText(name))
    tap(el)
  }
  await waitFor(() => expect(field(path).querySelector('.sheet')).toBeNull())
}

export function toggle(path: string, labels: string[]) {
  for (const label of labels) tapText(label, field(path))
}

export const next = () => tapText('下一步')
export const back = () => tapText('上一步')

/** The step title the step bar shows ("第2步，共5步：父母情况"). */
export async function expectStep(n: number, title: string) {
  await screen.findByText(`第${n}步，共5步：${title}`)
}

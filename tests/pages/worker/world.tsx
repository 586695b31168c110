/**
 * The worker pages against the real server, in-process: every request of the pages goes through the request
 * layer's transport into `app.inject` of a fresh app on a temporary SQLite file (tests/server/helpers), so
 * the answers — scoping, masking, the status machine, the Chinese refusals — are the server's own. The
 * network is not what is under test; `offline` makes every request fail as without signal.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { Role } from '@/domain/status'
import { setDownloader, type DownloadRequest } from '@/platform/download'
import { setTransport, type Transport } from '@/platform/request'
import { storage } from '@/platform/storage'
import { clearVillageMemory } from '@/services/regions'
import Home from '@/pages/index/index'
import Login from '@/worker/login/index'
import Queue from '@/worker/queue/index'
import Entry from '@/worker/entry/index'
import Overview from '@/worker/overview/index'
import Visits from '@/worker/visits/index'
import Transfers from '@/worker/transfers/index'
import { WORKER_ROUTES } from '@/worker/logic/nav'
import { signOut } from '@/worker/logic/session'
import { startAppSync, type SyncEngine } from '@/services/sync'
import { outboxStore } from '@/store/outbox'
import { ROUTES } from '@/platform/navigation'
import { createRouter } from '../harness'
import { fixture, inVillage, startApp, uuid, type TestApp } from '../../server/helpers'

export { VILLAGE_A, VILLAGE_B, TOWNSHIP, COUNTY } from '../../server/helpers'
export const PASSWORD = 'correct horse battery'

export const PAGES = {
  [ROUTES.home]: Home,
  [WORKER_ROUTES.login]: Login,
  [WORKER_ROUTES.queue]: Queue,
  [WORKER_ROUTES.entry]: Entry,
  [WORKER_ROUTES.overview]: Overview,
  [WORKER_ROUTES.visits]: Visits,
  [WORKER_ROUTES.transfers]: Transfers,
}

export interface World {
  t: TestApp
  /** offline: no request gets through; loseAnswers: the next n requests reach the server, their answers are lost. */
  net: { offline: boolean; loseAnswers: number; calls: string[] }
  /** The app's sync engine over the app's outbox, started as app.ts does. */
  sync: SyncEngine
  downloads: { request: DownloadRequest; status: number; type?: string }[]
  /** A guardian who submits fixtures; returns the registration id. */
  submit(name?: string, village?: string): Promise<string>
  guardianToken: string
  /** A worker account (username = its name) whose token is returned for API-side moves. */
  account(role: Exclude<Role, 'guardian'>, region: string, username: string): Promise<string>
  close(): Promise<void>
}

export async function startWorld(): Promise<World> {
  const t = await startApp('sqlite')
  const net = { offline: false, loseAnswers: 0, calls: [] as string[] }
  const transport: Transport = async (req) => {
    net.calls.push(`${req.method} ${req.url}`)
    if (net.offline) throw Object.assign(new Error('request:fail timeout'), { errMsg: 'request:fail timeout' })
    const res = await t.app.inject({
      method: req.method,
      url: req.url,
      headers: req.header,
      ...(req.data !== undefined ? { payload: JSON.stringify(req.data) } : {}),
    })
    if (net.loseAnswers > 0) {
      net.loseAnswers -= 1
      throw Object.assign(new Error('request:fail timeout'), { errMsg: 'request:fail timeout' })
    }
    return { statusCode: res.statusCode, data: res.body ? res.json() : undefined }
  }
  const restoreTransport = setTransport(transport)
  const downloads: World['downloads'] = []
  const restoreDownloader = setDownloader(async (request) => {
    const res = await t.app.inject({ method: 'GET', url: request.path, headers: request.header })
    downloads.push({ request, status: res.statusCode, type: res.headers['content-type'] as string | undefined })
    if (res.statusCode !== 200) throw new Error(`download ${res.statusCode}`)
  })
  const guardianToken = await t.guardian()
  // The app's own engine, as app.ts starts it (the worker pages wake it with retryNow after a sign-in).
  const sync = startAppSync()
  return {
    t,
    net,
    downloads,
    guardianToken,
    sync,
    async submit(name = 'left-behind', village = '441422101200') {
      const id = uuid()
      const res = await t.put(guardianToken, id, inVillage(fixture(name), village))
      if (res.statusCode !== 201) throw new Error(`submit ${res.statusCode} ${res.body}`)
      return id
    },
    account: (role, region, username) => t.worker(role, region, username),
    async close() {
      sync.stop()
      restoreTransport()
      restoreDownloader()
      await t.close()
    },
  }
}

/** A clean phone: no worker signed in, nothing stored. */
export function wipe() {
  signOut()
  outboxStore.setState({ items: {} })
  storage.flush()
  localStorage.clear()
  clearVillageMemory()
}

export function boot(url: string = WORKER_ROUTES.login) {
  const router = createRouter(PAGES)
  const view = render(<router.App />)
  act(() => router.start(url))
  return {
    router,
    view,
    cleanup: () => {
      view.unmount()
      router.restore()
    },
  }
}

export function tapEl(el: Element | null) {
  if (!el) throw new Error('nothing to tap')
  act(() => {
    fireEvent.click(el)
  })
}

export const tapId = (id: string) => tapEl(document.getElementById(id))

/** Types into the native input inside a container (Taro renders it asynchronously). */
export async function typeIn(containerId: string, text: string) {
  const input = await waitFor(() => {
    const el = document.getElementById(containerId)?.querySelector('input, textarea') as HTMLInputElement | null
    if (!el) throw new Error(`no input in ${containerId}`)
    return el
  })
  act(() => {
    fireEvent.input(input, { target: { value: text } })
  })
  act(() => {
    fireEvent.blur(input)
  })
}

/** Signs in through the login page and waits for the list. */
export async function signInAs(username: string) {
  await typeIn('login-username', username)
  await typeIn('login-password', PASSWORD)
  tapId('login-submit')
  await screen.findByText(/待我处理/)
  await waitFor(() => expect(screen.queryByText('正在加载…')).toBeNull())
}

/** Opens an entry from the list and waits for its record. */
export async function openFromQueue(id: string) {
  tapEl(
    await waitFor(() => {
      const el = document.getElementById(`queue-${id}`)
      if (!el) throw new Error(`entry ${id} not in the list`)
      return el
    }),
  )
  await waitFor(() => expect(document.getElementById('record')).not.toBeNull())
}

export const actionButtons = () =>
  Array.from(document.querySelectorAll('#entry-actions [id^="action-"]')).map((el) => el.id.replace('action-', ''))

export const textOf = (id: string) => document.getElementById(id)?.textContent ?? ''

export { screen, waitFor, within, act }

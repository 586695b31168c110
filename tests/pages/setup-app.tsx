/** Boots the guardian's pages on a clean phone: empty storage, fresh stores, the fake router and server. */
import { act, render } from '@testing-library/react'
import { ROUTES } from '@/platform/navigation'
import { clearVillageMemory } from '@/services/regions'
import { storage } from '@/platform/storage'
import { draftsStore } from '@/store/drafts'
import { outboxStore } from '@/store/outbox'
import { settingsStore } from '@/store/settings'
import Home from '@/pages/index/index'
import Wizard from '@/register/wizard/index'
import Done from '@/register/done/index'
import Mine from '@/pages/mine/index'
import RecordPage from '@/register/record/index'
import { createRouter, fakeVillagesServer } from './harness'

export const PAGES = { [ROUTES.home]: Home, [ROUTES.wizard]: Wizard, [ROUTES.done]: Done, [ROUTES.mine]: Mine, [ROUTES.record]: RecordPage }

export function wipePhone() {
  storage.flush()
  localStorage.clear()
  clearVillageMemory()
  draftsStore.setState({ drafts: {}, lastId: undefined })
  outboxStore.setState({ items: {} })
  settingsStore.setState({ elderMode: false })
  storage.flush()
  localStorage.clear()
}

/** `serveApi: false` when the test installs its own transport (tests/pages/fake-api.ts) beforehand. */
export function bootApp(url: string = ROUTES.home, { serveApi = true }: { serveApi?: boolean } = {}) {
  const router = createRouter(PAGES)
  const server = serveApi ? fakeVillagesServer() : { state: { offline: false, calls: [] as string[] }, restore: () => undefined }
  const view = render(<router.App />)
  act(() => router.start(url))
  return {
    router,
    server,
    view,
    cleanup() {
      view.unmount()
      router.restore()
      server.restore()
    },
  }
}

/**
 * A draft survives the app being killed: everything is re-created from storage (fresh modules, so fresh
 * stores hydrating from what the phone kept), and home offers to continue at the exact step.
 * Modules are loaded with require() after jest.resetModules(), as a new app start would load them.
 */

// Testing Library registers its cleanup hooks when imported; here it is imported inside tests (once per
// app start), so the hooks are skipped and each app is unmounted by the test itself.
process.env.RTL_SKIP_AUTO_CLEANUP = 'true'
;(globalThis as any).IS_REACT_ACT_ENVIRONMENT = true

import { within } from '@testing-library/dom'

type Launch = {
  rtl: typeof import('@testing-library/react')
  h: typeof import('./harness')
  fill: typeof import('./fill')
  app: ReturnType<(typeof import('./setup-app'))['bootApp']>
  drafts: typeof import('@/store/drafts')
  storage: typeof import('@/platform/storage')
}

const launches: Launch[] = []

function launch(): Launch {
  const rtl = require('@testing-library/react')
  const { bootApp } = require('./setup-app')
  const started: Launch = {
    rtl,
    h: require('./harness'),
    fill: require('./fill'),
    app: bootApp(),
    drafts: require('@/store/drafts'),
    storage: require('@/platform/storage'),
  }
  launches.push(started)
  return started
}

/** What the H5 build sees when WeChat (or the browser tab) goes to the background. */
function sendAppToBackground() {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
}

beforeEach(() => {
  jest.resetModules()
  localStorage.clear()
})
// An app of a finished test must not write into the next test's phone when its write timer fires.
afterEach(() => {
  for (const l of launches.splice(0)) l.storage.storage.flush()
  localStorage.clear()
})

test('killed at step 2 mid-word, the app restarts with the draft and reopens step 2 with every answer', async () => {
  const first = launch()
  const { rtl, h } = first
  h.tapText('开始登记一个孩子')
  await first.fill.fillChild({
    name: '陈小明',
    id: '441422201503081230',
    ethnicity: '汉族',
    region: first.fill.MAOPING,
    address: '茅坪村上屋12号',
    schooling: '小学',
    boarding: '否',
    health: '健康',
  })
  h.next()
  await h.expectStep(2, '父母情况')
  h.choose('parents.father.situation', '外出务工')
  await h.type('parents.father.name', '陈国强')
  // Typing, not yet left the field, when the phone rings and WeChat goes to the background.
  const workPlace = await h.inputOf('parents.father.workPlace')
  rtl.act(() => {
    rtl.fireEvent.input(workPlace, { target: { value: '广东省深' } })
  })
  rtl.act(() => sendAppToBackground())
  const id = Object.keys(first.drafts.draftsStore.getState().drafts)[0]
  expect(JSON.parse(localStorage.getItem(`hutong:draft:${id}`) as string).data).toContain('广东省深')
  first.app.view.unmount() // the app is killed: nothing more runs

  jest.resetModules()
  const second = launch()
  expect(second.drafts.draftsStore).not.toBe(first.drafts.draftsStore)
  const stored = second.drafts.draftsStore.getState().drafts[id]
  expect(stored.step).toBe('parents')
  expect(stored.record.parents.father).toEqual({ situation: 'migrant_work', name: '陈国强', workPlace: '广东省深' })

  await second.rtl.screen.findByText(/陈小明的登记填到第2步“父母情况”，.+保存。要接着填吗？/) // throws when not shown
  expect(second.rtl.screen.getByText('填到：第2步 父母情况')).toBeTruthy()
  second.h.tapText('接着填')
  await second.h.expectStep(2, '父母情况')
  expect((await second.h.inputOf('parents.father.name')).value).toBe('陈国强')
  expect((await second.h.inputOf('parents.father.workPlace')).value).toBe('广东省深')
  // Step 1 is intact too.
  second.h.back()
  await second.h.expectStep(1, '儿童信息')
  expect((await second.h.inputOf('child.residenceAddress')).value).toBe('茅坪村上屋12号')
  second.app.cleanup()
})

test('several drafts are listed with name, step and time; the offer names the one edited last', async () => {
  const first = launch()
  const { draftsStore } = first.drafts
  first.rtl.act(() => {
    const a = draftsStore.getState().createDraft()
    draftsStore.getState().updateRecord(a, (r) => ({ ...r, child: { name: '大明' } }))
    const b = draftsStore.getState().createDraft()
    draftsStore.getState().updateRecord(b, (r) => ({ ...r, child: { name: '小红' } }))
    draftsStore.getState().setStep(b, 'family')
    draftsStore.getState().createDraft() // no name yet
    draftsStore.getState().setStep(a, 'guardianship') // edited last
  })
  first.rtl.act(() => sendAppToBackground())
  first.app.cleanup()

  jest.resetModules()
  const second = launch()
  const { screen, within } = second.rtl
  await screen.findByText(/大明的登记填到第3步“监护照料”/)
  const list = document.getElementById('home-drafts') as HTMLElement
  expect(within(list).getByText('大明')).toBeTruthy()
  expect(within(list).getByText('小红')).toBeTruthy()
  expect(within(list).getByText('（还没填孩子姓名）')).toBeTruthy()
  expect(within(list).getByText('填到：第4步 家庭情况')).toBeTruthy()
  expect(within(list).getAllByText(/^上次保存：\d+月\d+日 \d\d:\d\d$/)).toHaveLength(3)
  // 先不填 closes the offer for this app start; the drafts stay listed.
  second.h.tapText('先不填')
  expect(screen.queryByText(/要接着填吗/)).toBeNull()
  expect(within(list).getByText('大明')).toBeTruthy()
  second.app.cleanup()
})

test('the start-up offer goes away once the guardian goes into the wizard any other way', async () => {
  const first = launch()
  first.rtl.act(() => {
    const a = first.drafts.draftsStore.getState().createDraft()
    first.drafts.draftsStore.getState().updateRecord(a, (r) => ({ ...r, child: { name: '大明' } }))
  })
  first.rtl.act(() => sendAppToBackground())
  first.app.cleanup()

  jest.resetModules()
  const second = launch()
  await second.rtl.screen.findByText(/大明的登记填到第1步/)
  second.h.tapText('开始登记一个孩子')
  await second.h.expectStep(1, '儿童信息')
  second.h.tapText('保存，以后再填')
  await second.rtl.screen.findByText('开始登记一个孩子')
  expect(second.rtl.screen.queryByText(/要接着填吗/)).toBeNull()
  expect(within(document.getElementById('home-drafts') as HTMLElement).getAllByText('继续填写')).toHaveLength(2)
  second.app.cleanup()
})

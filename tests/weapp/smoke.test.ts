/**
 * Smoke test of the compiled weapp build: real WXML (wcc), real Taro runtime, every setData counted.
 * Budgets (docs/quality.md): zero setData per keystroke; one setData under 5 KB per committed field.
 * Run `npm run build:weapp` first: the test fails, never skips, when dist/weapp is missing.
 */
import simulate from 'miniprogram-simulate'
import { closeAll, hideApp, inputIn, navigations, openPage, settle, setDataLog, storage, type SetDataCall } from './harness'

const COMMIT_MAX_BYTES = 5 * 1024
const text = (page: { dom?: HTMLElement }) => page.dom?.textContent ?? ''
const bytes = (calls: SetDataCall[]) => calls.reduce((total, call) => total + call.bytes, 0)
const describeCalls = (calls: SetDataCall[]) =>
  `${calls.length} setData/${bytes(calls)} B` + (calls.length ? ` (${calls.map((c) => `${c.component} ${c.bytes} B`).join(', ')})` : '')

afterEach(closeAll)

test('home page renders its content from the compiled build', async () => {
  const start = setDataLog.length
  const { page } = await openPage('pages/index/index')
  expect(text(page)).toContain('护童登记')
  expect(text(page)).toContain('开始登记一个孩子')
  console.log(`weapp smoke: pages/index/index first render: ${describeCalls(setDataLog.slice(start))}`)
})

test('worker login page renders from its subpackage', async () => {
  const { page } = await openPage('worker/login/index')
  expect(text(page)).toContain('工作人员登录')
})

test('wizard step 1: typing sends no setData; a commit sends one setData under 5 KB and reaches storage', async () => {
  // The guardian's way in: home → 开始登记一个孩子 → the wizard, with home kept below it in the page stack.
  const { page: home } = await openPage('pages/index/index')
  home.querySelector('#home-start')!.dispatchEvent('tap')
  await settle()
  const url = navigations.at(-1)?.url ?? ''
  expect(url).toMatch(/^\/register\/wizard\/index\?id=/)
  const draftId = new URLSearchParams(url.split('?')[1]).get('id')!
  const { page } = await openPage('register/wizard/index', { id: draftId })
  expect(text(page)).toContain('儿童信息')
  expect(text(page)).toContain('儿童姓名')
  const field = inputIn(page, 'field-child-name')!
  expect(field).toBeTruthy()

  // Character by character, as WeChat sends `input` events; each keystroke gets the time to flush.
  const value = '张小明'
  const perKeystroke: SetDataCall[][] = []
  for (let i = 1; i <= value.length; i++) {
    const before = setDataLog.length
    field.dispatchEvent('input', { detail: { value: value.slice(0, i), cursor: i, keyCode: 0 } })
    await settle()
    perKeystroke.push(setDataLog.slice(before))
  }

  const beforeCommit = setDataLog.length
  field.dispatchEvent('blur', { detail: { value } })
  await settle()
  const draftKey = `hutong:draft:${draftId}`
  const persisted = () => JSON.parse(String(storage.get(draftKey) ?? '{}')).record?.child?.name as string | undefined
  const beforeHide = persisted()
  const quick = setDataLog.length - beforeCommit
  await hideApp() // the app-hide path writes the throttled storage buffer at once
  const afterHide = persisted()
  const atHide = setDataLog.length - beforeCommit - quick
  await simulate.sleep(1000) // a debounced or timed re-render would come later: count it too
  await settle()
  const commit = setDataLog.slice(beforeCommit)

  console.log(
    `weapp smoke: register/wizard/index field child.name: ` +
      `keystrokes ${perKeystroke.map(describeCalls).join('; ')} | ` +
      `commit ${describeCalls(commit)} [${quick} at blur, ${atHide} at app hide, ${commit.length - quick - atHide} later] | ` +
      `storage ${draftKey}: child.name ${JSON.stringify(beforeHide)} after the commit, ${JSON.stringify(afterHide)} after app hide`,
  )
  for (const calls of [...perKeystroke, commit]) {
    if (calls.length) console.log('weapp smoke: payloads', JSON.stringify(calls.map(({ component, payload }) => ({ component, payload }))))
  }

  expect(afterHide).toBe(value)
  expect(perKeystroke.map((calls) => calls.length)).toEqual(perKeystroke.map(() => 0))
  expect(commit.length).toBe(1)
  expect(commit[0].bytes).toBeLessThan(COMMIT_MAX_BYTES)
})

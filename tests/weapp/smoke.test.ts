/**
 * Smoke test of the compiled weapp build: real WXML (wcc), real Taro runtime, counted setData.
 * Budgets (docs/quality.md): zero setData per keystroke; one setData under 5 KB per committed field.
 * Run `npm run build:weapp` first: the test fails, never skips, when dist/weapp is missing.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import simulate from 'miniprogram-simulate'
import { WEAPP_DIST } from '../build/weapp-files'
import { hideApp, openPage, settle, setDataLog, storage, type SetDataCall } from './harness'

const SETDATA_COMMIT_MAX_BYTES = 5 * 1024
const text = (page: { dom?: HTMLElement }) => page.dom?.textContent ?? ''
const sum = (calls: SetDataCall[]) => calls.reduce((total, call) => total + call.bytes, 0)

/** Pages of app.json with their subpackage root, as WeChat resolves them. */
function appPages(): string[] {
  const app = JSON.parse(readFileSync(join(WEAPP_DIST, 'app.json'), 'utf8')) as {
    pages: string[]; subPackages?: { root: string; pages: string[] }[]
  }
  return [...app.pages, ...(app.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))]
}

test('home page renders its content from the compiled build', async () => {
  const start = setDataLog.length
  const { page, close } = await openPage('pages/index/index')
  expect(text(page)).toContain('护童登记')
  const first = setDataLog.slice(start)
  expect(first.length).toBe(1) // Taro's first render is a single page setData
  console.log(`weapp smoke: pages/index/index first render ${first.length} setData, ${sum(first)} B`)
  close()
})

test('worker login page renders from its subpackage', async () => {
  const { page, close } = await openPage('worker/login/index')
  expect(text(page)).toContain('工作人员登录')
  close()
})

// The guardian wizard: its first step, found in app.json (the wizard pages live under a `register` root).
const wizardFirstStep = appPages().find((page) => /^(register|pages\/register)\//.test(page))

;(wizardFirstStep ? test : test.skip)('wizard step 1: typing sends no setData, a commit sends one small setData and reaches storage', async () => {
  const { page } = await openPage(wizardFirstStep!)
  const inputs = Array.from(page.dom?.querySelectorAll('wx-input') ?? []) as (Element & { __wxElement?: { id: string } })[]
  const fieldId = inputs.map((el) => el.__wxElement?.id).find((id) => id && !/^_/.test(id))
  expect(fieldId).toBeTruthy() // the field has an id of its own (not Taro's generated sid)
  const field = page.querySelector(`#${fieldId}`)!

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
  await simulate.sleep(1000) // a debounced re-render would come later: count it too
  await settle()
  const commit = setDataLog.slice(beforeCommit)

  await hideApp() // the app-hide path flushes a throttled draft
  const persisted = JSON.stringify([...storage])

  console.log(`weapp smoke: ${wizardFirstStep} #${fieldId}: ` +
    `keystrokes ${perKeystroke.map((calls) => `${calls.length} setData/${sum(calls)} B`).join(', ')}; ` +
    `commit ${commit.length} setData, ${sum(commit)} B [${commit.map((c) => c.bytes).join(', ')}]; ` +
    `storage ${persisted.includes(value) ? 'has' : 'LACKS'} the value`)
  for (const calls of [...perKeystroke, commit]) {
    if (calls.length) console.log('weapp smoke: payloads', JSON.stringify(calls.map(({ component, payload }) => ({ component, payload }))))
  }

  expect(perKeystroke.map((calls) => calls.length)).toEqual(perKeystroke.map(() => 0))
  expect(commit.length).toBe(1)
  expect(commit[0].bytes).toBeLessThan(SETDATA_COMMIT_MAX_BYTES)
  expect(persisted).toContain(value)
})

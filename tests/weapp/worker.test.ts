/** @jest-environment ./tests/setup/jsdom-with-server.js */
/**
 * The worker subpackage as compiled for WeChat (real WXML through wcc, Taro's weapp runtime), talking to the
 * real server in-process: wx.request is answered by app.inject. Signs in, lists, opens a record with its
 * numbers masked, reveals one — the same flow as the H5 page tests, on the build WeChat would run.
 */
import { closeAll, byId, inputIn, navigations, openPage, settle } from './harness'
import { fixture, startApp, uuid, VILLAGE_A, type TestApp } from '../server/helpers'

let t: TestApp
let id: string
const record = fixture('left-behind')
beforeAll(async () => {
  t = await startApp('sqlite')
  await t.worker('village_worker', VILLAGE_A, 'maoping')
  id = uuid()
  await t.put(await t.guardian(), id, record)
  // What Taro.request calls in the mini-program; the build's API origin is stripped to a path.
  ;(globalThis as any).wx.request = (o: any) => {
    const url = String(o.url).replace(/^https?:\/\/[^/]+/, '')
    t.app
      .inject({ method: o.method ?? 'GET', url, headers: o.header, ...(o.data !== undefined ? { payload: JSON.stringify(o.data) } : {}) })
      .then((res) => {
        const result = { statusCode: res.statusCode, data: res.body ? res.json() : '', header: res.headers, errMsg: 'request:ok' }
        o.success?.(result)
        o.complete?.(result)
      })
    return { abort() {} }
  }
})
afterAll(() => t.close())
afterEach(closeAll)

const text = (page: { dom?: HTMLElement }) => page.dom?.textContent ?? ''
async function until(check: () => boolean, what: string) {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > 5000) throw new Error(`timed out waiting for ${what}`)
    await settle(20)
  }
}

test('sign in, see the list masked, open the record, reveal one number', async () => {
  const { page: login } = await openPage('worker/login/index')
  expect(text(login)).toContain('儿童主任、督导员和民政工作人员登录')
  inputIn(login, 'login-username')!.dispatchEvent('input', { detail: { value: 'maoping' } })
  inputIn(login, 'login-password')!.dispatchEvent('input', { detail: { value: 'correct horse battery' } })
  byId(login, 'login-submit')!.dispatchEvent('tap')
  await until(() => navigations.some((n) => n.url === '/worker/queue/index'), 'the redirect to the queue')

  const { page: queue } = await openPage('worker/queue/index')
  await until(() => text(queue).includes('共1条'), 'the queue')
  expect(text(queue)).toContain('村(居)儿童主任')
  expect(text(queue)).toContain('陈*明')
  expect(text(queue)).not.toContain(record.child.idNumber)

  const { page: entry } = await openPage('worker/entry/index', { id })
  await until(() => text(entry).includes('儿童身份证号码'), 'the record')
  expect(text(entry)).toContain('4414**********1230')
  expect(text(entry)).not.toContain(record.child.idNumber)
  expect(text(entry)).toContain('开始核实')
  byId(entry, 'reveal-child-idNumber')!.dispatchEvent('tap')
  await until(() => text(entry).includes(record.child.idNumber), 'the revealed number')
})

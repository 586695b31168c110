/** @jest-environment ./tests/setup/jsdom-with-server.js */
/**
 * A home visit recorded with no signal: kept in the app's outbox (the guardians' one, as an item of kind
 * `review`), shown as waiting, and sent by the sync engine when the network returns — once, even when an
 * answer is lost on the way back. Online, the same form saves at once.
 */
import Taro from '@tarojs/taro'
import { storage } from '@/platform/storage'
import { outboxStore } from '@/store/outbox'
import {
  boot,
  signInAs,
  openFromQueue,
  startWorld,
  tapId,
  textOf,
  typeIn,
  wipe,
  waitFor,
  screen,
  act,
  within,
  VILLAGE_A,
  type World,
} from './world'

let world: World
let app: ReturnType<typeof boot>
beforeAll(async () => {
  world = await startWorld()
  await world.account('village_worker', VILLAGE_A, 'maoping')
})
afterAll(() => world.close())
beforeEach(() => {
  world.net.offline = false
  wipe()
  app = boot()
})
afterEach(() => app.cleanup())

async function fillVisit(notes: string) {
  tapId('action-record_visit')
  const form = document.getElementById('visit-form')!
  for (const [path, label] of [
    ['visit-method', '入户走访'],
    ['visit-conclusion', '属实'],
    ['visit-guardianshipAssessment', '一般'],
  ]) {
    act(() => {
      within(document.getElementById(`field-${path}`)!)
        .getByText(label)
        .click()
    })
  }
  await typeIn('field-visit-notes', notes)
  // Still the same form, holding what was typed: a re-mount on the way would have emptied it.
  expect(document.getElementById('visit-form')).toBe(form)
  expect(form.querySelector<HTMLInputElement>('#field-visit-notes textarea, #field-visit-notes input')?.value).toBe(notes)
}

const visitEvents = async (id: string, token: string) =>
  (await world.t.req('GET', `/api/v1/registrations/${id}/history`, { token })).json().items.filter((e: any) => e.action === 'record_visit')

test('offline: kept on the phone, shown as waiting; the network returns: sent once and shown in the history', async () => {
  const id = await world.submit()
  const token = await world.t.worker('village_worker', VILLAGE_A, 'maoping-api')
  await signInAs('maoping')
  await openFromQueue(id)

  world.net.offline = true
  await fillVisit('祖母在家，孩子按时上学，作业有人看')
  tapId('visit-save')
  await waitFor(() => expect(textOf('actions-notice')).toBe('走访记录已保存在手机上，联网后会自动发送'))
  await waitFor(() => expect(textOf('entry-pending')).toContain('发送失败，稍后自动重试'))
  expect(textOf('entry-pending')).toContain('入户走访')
  expect(textOf('entry-pending')).toContain('网络不通')
  expect(textOf('entry-pending')).not.toContain('request:fail')
  expect(textOf('worker-waiting')).toBe('有1条走访记录还没有发送，联网后会自动发送')
  // In the app's outbox and in the phone's storage, as a review item carrying its request id.
  const [item] = Object.values(outboxStore.getState().items) as any[]
  expect(item).toMatchObject({
    kind: 'review',
    status: 'failed',
    record: { registrationId: id, body: { action: 'record_visit', requestId: item.id } },
  })
  expect(JSON.parse(storage.getItem(`hutong:outbox:${item.id}`)!)).toMatchObject({ kind: 'review', id: item.id })
  expect(await visitEvents(id, token)).toEqual([])

  // Signal again; the first answer is lost on the way back, so the visit is sent twice.
  world.net.offline = false
  world.net.loseAnswers = 1
  act(() => world.sync.resume())
  await waitFor(() => expect(outboxStore.getState().items[item.id]?.status).toBe('failed'))
  act(() => world.sync.resume())
  await waitFor(() => expect(document.getElementById('entry-pending')).toBeNull())
  expect(document.getElementById('worker-waiting')).toBeNull()
  expect(outboxStore.getState().items).toEqual({})
  await waitFor(() => expect(textOf('entry-history')).toContain('祖母在家，孩子按时上学'))
  expect(textOf('entry-history')).toContain('走访：')
  const events = await visitEvents(id, token)
  expect(events).toHaveLength(1)
  expect(events[0].visit).toMatchObject({
    method: 'home',
    conclusion: 'true',
    guardianshipAssessment: 'fair',
    notes: '祖母在家，孩子按时上学，作业有人看',
  })
})

test('online: saved at once, in the history, nothing left waiting', async () => {
  const id = await world.submit()
  await signInAs('maoping')
  await openFromQueue(id)
  await fillVisit('电话联系了母亲')
  tapId('visit-save')
  await waitFor(() => expect(textOf('actions-notice')).toBe('走访记录已保存'))
  await waitFor(() => expect(textOf('entry-history')).toContain('电话联系了母亲'))
  expect(document.getElementById('entry-pending')).toBeNull()
})

test('the form asks for what is missing before anything is kept', async () => {
  const id = await world.submit()
  await signInAs('maoping')
  await openFromQueue(id)
  tapId('action-record_visit')
  tapId('visit-save')
  await screen.findByText(/请选择核实方式/)
  expect(outboxStore.getState().items).toEqual({})
})

test('a visit the server refuses (the guardian withdrew meanwhile) is shown with the reason and can be removed', async () => {
  const id = await world.submit()
  await signInAs('maoping')
  await openFromQueue(id)
  world.net.offline = true
  await fillVisit('到访时家中无人')
  tapId('visit-save')
  await waitFor(() => expect(textOf('entry-pending')).toContain('发送失败'))
  await world.t.req('POST', `/api/v1/registrations/${id}/withdraw`, { token: world.guardianToken })
  world.net.offline = false
  act(() => world.sync.resume())
  await waitFor(() => expect(textOf('entry-pending')).toContain('服务器没有接受'))
  expect(textOf('entry-pending')).toContain('当前状态为“已撤回”，不能记录走访')
  // It was never on the server: removing it asks first.
  const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true } as any)
  act(() => {
    within(document.getElementById('entry-pending')!).getByText('删除').click()
  })
  await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
  expect(document.getElementById('entry-pending')).not.toBeNull()
  modal.mockResolvedValueOnce({ confirm: true, cancel: false } as any)
  act(() => {
    within(document.getElementById('entry-pending')!).getByText('删除').click()
  })
  await waitFor(() => expect(document.getElementById('entry-pending')).toBeNull())
  expect(outboxStore.getState().items).toEqual({})
  modal.mockRestore()
})

test('another worker signed in on the same phone does not send it; its own worker, signing in again, does', async () => {
  await world.account('village_worker', VILLAGE_A, 'maoping2')
  const id = await world.submit()
  await signInAs('maoping')
  await openFromQueue(id)
  world.net.offline = true
  await fillVisit('见到了孩子和祖母')
  tapId('visit-save')
  await waitFor(() => expect(textOf('entry-pending')).toContain('发送失败'))
  world.net.offline = false
  // Signing out with a visit waiting asks first.
  const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as any)
  tapId('sign-out')
  await waitFor(() =>
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('还有1条走访记录没有发送') })),
  )
  modal.mockRestore()
  await screen.findByText('儿童主任、督导员和民政工作人员登录')
  await signInAs('maoping2')
  act(() => world.sync.resume())
  await waitFor(() =>
    expect((Object.values(outboxStore.getState().items)[0] as any)?.lastError?.message).toContain('请用记录这条走访的账号登录'),
  )
  expect(await visitEvents(id, await world.t.worker('village_worker', VILLAGE_A, 'maoping-api2'))).toEqual([])
  tapId('sign-out')
  await screen.findByText('儿童主任、督导员和民政工作人员登录')
  await signInAs('maoping')
  await waitFor(() => expect(outboxStore.getState().items).toEqual({}))
})

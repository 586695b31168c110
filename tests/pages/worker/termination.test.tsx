/** @jest-environment ./tests/setup/jsdom-with-server.js */
/**
 * 终止 on the record page, level by level: the village worker chooses a reason (其他 asks for words, in
 * the domain's message, before anything is sent), the township agrees, the county decides; each sees the
 * proposal's reason and words, and at the end 已终止 with the month support stops.
 */
import {
  act,
  boot,
  signInAs,
  startWorld,
  tapId,
  textOf,
  typeIn,
  wipe,
  waitFor,
  screen,
  within,
  actionButtons,
  VILLAGE_A,
  TOWNSHIP,
  COUNTY,
  type World,
} from './world'
import { WORKER_ROUTES } from '@/worker/logic/nav'

let world: World
let app: ReturnType<typeof boot>
const tokens: Record<string, string> = {}
beforeAll(async () => {
  world = await startWorld()
  tokens.maoping = await world.account('village_worker', VILLAGE_A, 'maoping')
  tokens.chayang = await world.account('township_supervisor', TOWNSHIP, 'chayang')
  tokens.dabu = await world.account('county_admin', COUNTY, 'dabu')
})
afterAll(() => world.close())
beforeEach(() => wipe())
afterEach(() => app?.cleanup())

async function openAs(username: string, id: string) {
  app?.cleanup()
  wipe()
  app = boot(WORKER_ROUTES.login)
  await signInAs(username)
  act(() => app.router.start(`${WORKER_ROUTES.entry}?id=${id}`))
  await waitFor(() => expect(document.getElementById('entry-actions')).not.toBeNull())
}

test('proposed with 其他 and words, agreed, decided: every level reads the reason; the end shows the month', async () => {
  const id = await world.submit()
  for (const [who, action] of [
    ['maoping', 'start_review'],
    ['maoping', 'verify'],
    ['chayang', 'approve'],
    ['dabu', 'confirm'],
  ]) {
    expect((await world.t.review(tokens[who], id, { action })).statusCode).toBe(200)
  }

  await openAs('maoping', id)
  expect(actionButtons()).toEqual(['record_visit', 'propose_termination'])
  tapId('action-propose_termination')
  act(() => {
    within(document.getElementById('field-termination-reason')!).getByText('其他').click()
  })
  const before = world.net.calls.length
  tapId('panel-send')
  await screen.findByText(/选择“其他”时请写明情况/)
  expect(world.net.calls.slice(before).filter((c) => c.includes('/review'))).toEqual([])
  await typeIn('field-termination-note', '已被外地亲属依法收养')
  tapId('panel-send')
  await waitFor(() => expect(textOf('entry-status-line')).toContain('终止待乡镇审核'), { timeout: 5000 })
  expect(textOf('entry-termination')).toContain('终止原因：其他')
  expect(textOf('entry-termination')).toContain('审核完成前照常保障')
  expect(textOf('entry-history')).toContain('提请终止')

  await openAs('chayang', id)
  expect(textOf('entry-termination')).toContain('情况说明：已被外地亲属依法收养')
  expect(actionButtons().sort()).toEqual(['agree_termination', 'return_termination'])
  tapId('action-agree_termination')
  tapId('panel-send')
  await waitFor(() => expect(textOf('entry-status-line')).toContain('终止待县级决定'), { timeout: 5000 })

  await openAs('dabu', id)
  tapId('action-terminate')
  expect(textOf('panel-terminate')).toContain('从下个月起停止保障')
  tapId('panel-send')
  await waitFor(() => expect(textOf('entry-status-line')).toContain('已终止'), { timeout: 5000 })
  expect(textOf('entry-termination')).toMatch(/自\d{4}年\d{1,2}月起停止保障/)
  expect(textOf('entry-history')).toContain('决定终止')
  expect(actionButtons()).toEqual([])
})

test('the township returns a proposal with a reason: back to 县级已确认, the reason in the history', async () => {
  const id = await world.submit()
  for (const [who, body] of [
    ['maoping', { action: 'start_review' }],
    ['maoping', { action: 'verify' }],
    ['chayang', { action: 'approve' }],
    ['dabu', { action: 'confirm' }],
    ['maoping', { action: 'propose_termination', termination: { reason: 'moved_out' } }],
  ] as const) {
    expect((await world.t.review(tokens[who], id, body)).statusCode).toBe(200)
  }
  await openAs('chayang', id)
  tapId('action-return_termination')
  tapId('panel-send')
  await screen.findByText(/退回终止申请时请写明原因/)
  await typeIn('field-reason', '户口仍在本村，请核实是否已迁出')
  tapId('panel-send')
  await waitFor(() => expect(textOf('entry-status-line')).toContain('县级已确认'), { timeout: 5000 })
  expect(document.getElementById('entry-termination')).toBeNull()
  expect(textOf('entry-history')).toContain('原因：户口仍在本村，请核实是否已迁出')
})

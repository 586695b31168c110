/** @jest-environment ./tests/setup/jsdom-with-server.js */
/**
 * 迁移 on the worker's pages against the server: the 茅坪 worker starts a transfer from the record page with
 * the region picker (no village chosen: the domain's message, nothing sent); the 左弼 worker finds it under
 * 待接收的迁入 with the name masked, a decline needs a reason; accepted, the record opens for 左弼 and the
 * 茅坪 worker's 已发出的迁出 says 已接收; the township overview counts it by village.
 */
import { act, boot, signInAs, startWorld, tapId, textOf, typeIn, wipe, waitFor, screen, VILLAGE_B, TOWNSHIP, type World } from './world'
import { pickRegion } from '../harness'
import { WORKER_ROUTES } from '@/worker/logic/nav'

let world: World
let app: ReturnType<typeof boot>
beforeAll(async () => {
  world = await startWorld()
  await world.account('village_worker', '441422101200', 'maoping')
  await world.account('village_worker', VILLAGE_B, 'zuobi')
  await world.account('township_supervisor', TOWNSHIP, 'chayang')
})
afterAll(() => world.close())
beforeEach(() => wipe())
afterEach(() => app?.cleanup())

async function as(username: string, url: string) {
  app?.cleanup()
  wipe()
  app = boot(WORKER_ROUTES.login)
  await signInAs(username)
  act(() => app.router.start(url))
}

test('started from the record page, declined needs words, accepted: the record moves to 左弼', async () => {
  const id = await world.submit()
  await as('maoping', `${WORKER_ROUTES.entry}?id=${id}`)
  await waitFor(() => expect(document.getElementById('transfer-open')).not.toBeNull(), { timeout: 5000 })
  tapId('transfer-open')
  const before = world.net.calls.length
  tapId('transfer-send')
  await waitFor(() => expect(textOf('panel-transfer')).toContain('请选择迁入的村（社区）'))
  expect(world.net.calls.slice(before).filter((c) => c.includes('/transfer'))).toEqual([])
  await pickRegion('toVillage', ['梅州市', '大埔县', '茶阳镇', '左弼村委会'])
  await typeIn('field-note', '随祖母搬到左弼')
  tapId('transfer-send')
  await waitFor(() => expect(textOf('transfer-notice')).toContain('左弼村委会的儿童主任接收'), { timeout: 5000 })
  await waitFor(() => expect(textOf('entry-history')).toContain('发起迁移'), { timeout: 5000 })

  await as('zuobi', WORKER_ROUTES.transfers)
  const card = await waitFor(() => {
    const el = document.querySelector('#transfers-in [id^="transfer-"]')
    if (!el) throw new Error('no incoming transfer')
    return el
  })
  const tid = card.id.replace('transfer-', '')
  expect(textOf(card.id)).toContain('陈*明')
  expect(textOf(card.id)).not.toContain('陈小明')
  expect(textOf(card.id)).toContain('说明：随祖母搬到左弼')
  tapId(`transfer-decline-${tid}`)
  tapId(`transfer-decline-send-${tid}`)
  await waitFor(() => expect(textOf(card.id)).toContain('请写明拒绝原因'))
  expect(world.net.calls.filter((c) => c.includes('/decline'))).toEqual([])
  expect(textOf(`transfer-state-${tid}`)).toBe('待接收')
  act(() => {
    screen.getByText('取消').click()
  })
  tapId(`transfer-accept-${tid}`)
  await waitFor(() => expect(textOf('transfers-notice')).toContain('已接收'), { timeout: 5000 })
  expect(textOf(`transfer-state-${tid}`)).toBe('已接收')
  expect(
    (await world.t.req('GET', `/api/v1/registrations/${id}`, { token: await world.t.worker('village_worker', VILLAGE_B) })).statusCode,
  ).toBe(200)

  await as('maoping', WORKER_ROUTES.transfers)
  await waitFor(() => expect(textOf(`transfer-state-${tid}`)).toBe('已接收'), { timeout: 5000 })
  expect(document.getElementById(`transfer-cancel-${tid}`)).toBeNull()

  await as('chayang', WORKER_ROUTES.overview)
  await waitFor(() => expect(textOf('overview-transfers-total')).toBe('迁入1人，迁出1人，待接收0人'), { timeout: 5000 })
  expect(textOf(`overview-transfers-${VILLAGE_B}`)).toContain('迁入1')
})

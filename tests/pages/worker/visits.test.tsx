/** @jest-environment ./tests/setup/jsdom-with-server.js */
/**
 * 本月待走访 against the server in-process: a confirmed child of the worker's village is due this month (the
 * neighbouring village's is not listed); a visit recorded from the list with no signal is kept on the phone,
 * the row says it waits, and when the network returns it is sent and the child moves to 本月已走访. The
 * township's overview shows the month's completion by village.
 */
import { outboxStore } from '@/store/outbox'
import {
  boot,
  signInAs,
  startWorld,
  tapId,
  textOf,
  typeIn,
  wipe,
  waitFor,
  act,
  within,
  screen,
  VILLAGE_A,
  VILLAGE_B,
  COUNTY,
  TOWNSHIP,
  type World,
} from './world'

let world: World
let app: ReturnType<typeof boot>
let tokens: { village: string; neighbour: string; township: string; county: string }
beforeAll(async () => {
  world = await startWorld()
  tokens = {
    village: await world.account('village_worker', VILLAGE_A, 'maoping'),
    neighbour: await world.account('village_worker', VILLAGE_B, 'zuobi'),
    township: await world.account('township_supervisor', TOWNSHIP, 'chayang'),
    county: await world.account('county_admin', COUNTY, 'dabu'),
  }
})
afterAll(() => world.close())
beforeEach(() => {
  world.net.offline = false
  wipe()
  app = boot()
})
afterEach(() => app.cleanup())

async function confirmed(village = VILLAGE_A): Promise<string> {
  const id = await world.submit('left-behind', village)
  const worker = village === VILLAGE_A ? tokens.village : tokens.neighbour
  for (const [token, action] of [
    [worker, 'start_review'],
    [worker, 'verify'],
    [tokens.township, 'approve'],
    [tokens.county, 'confirm'],
  ]) {
    const res = await world.t.review(token, id, { action })
    if (res.statusCode !== 200) throw new Error(`${action} ${res.statusCode} ${res.body}`)
  }
  return id
}

test('due this month → recorded offline from the list → waits → sent when the network returns → 本月已走访', async () => {
  const id = await confirmed()
  const neighbours = await confirmed(VILLAGE_B)
  await signInAs('maoping')
  tapId('nav-visits')
  await waitFor(() => expect(document.getElementById(`visit-row-${id}`)).not.toBeNull())
  expect(document.getElementById('visits-due')!.contains(document.getElementById(`visit-row-${id}`))).toBe(true)
  expect(document.getElementById(`visit-row-${neighbours}`)).toBeNull()
  expect(textOf(`visit-row-${id}`)).toContain('还没有走访记录')
  expect(textOf('visits-counts')).toBe('待走访1人，逾期0人，已走访0人')

  world.net.offline = true
  tapId(`visit-record-${id}`)
  for (const [path, label] of [
    ['visit-method', '入户走访'],
    ['visit-conclusion', '属实'],
    ['visit-guardianshipAssessment', '较好'],
  ]) {
    act(() => {
      within(document.getElementById(`field-${path}`)!)
        .getByText(label)
        .click()
    })
  }
  await typeIn('field-visit-notes', '孩子在家写作业，祖父照料')
  tapId('visit-save')
  await waitFor(() => expect(textOf('visits-notice')).toBe('走访记录已保存在手机上，联网后会自动发送'), { timeout: 12_000 })
  expect(document.getElementById('visit-form')).toBeNull()
  expect(textOf(`visit-row-${id}`)).toContain('已记录，等待发送')
  expect(document.getElementById(`visit-record-${id}`)).toBeNull()
  const [item] = Object.values(outboxStore.getState().items) as any[]
  expect(item).toMatchObject({ kind: 'review', record: { registrationId: id, body: { action: 'record_visit' } } })

  world.net.offline = false
  act(() => world.sync.resume())
  await waitFor(() => expect(document.getElementById('visits-done')!.contains(document.getElementById(`visit-row-${id}`))).toBe(true))
  expect(textOf(`visit-row-${id}`)).toContain('已走访：')
  expect(textOf(`visit-row-${id}`)).not.toContain('等待发送')
  expect(textOf('visits-counts')).toBe('待走访0人，逾期0人，已走访1人')
  expect(outboxStore.getState().items).toEqual({})
  const due = (await world.t.req('GET', '/api/v1/visits/due', { token: tokens.village })).json()
  expect(due.items.find((i: any) => i.id === id).visit.state).toBe('done')
}, 30_000)

test('the township’s overview: this month’s visits by village, due and done', async () => {
  await confirmed(VILLAGE_B)
  await signInAs('chayang')
  tapId('nav-overview')
  await waitFor(() => expect(document.getElementById(`visits-village-${VILLAGE_B}`)).not.toBeNull())
  const row = textOf(`visits-village-${VILLAGE_B}`)
  expect(row).toMatch(/^左弼村委会\d+\d+\d+%$/)
  const answer = (await world.t.req('GET', '/api/v1/visits/completion', { token: tokens.township })).json()
  const b = answer.byVillage.find((v: any) => v.code === VILLAGE_B)
  expect(row).toBe(`左弼村委会${b.due}${b.done}${Math.round((b.done / b.due) * 100)}%`)
  expect(textOf('overview-visits-total')).toBe(`应走访${answer.due}人，已走访${answer.done}人`)
  expect(screen.getByText(/走访完成情况/)).toBeTruthy()
  // The chart's second series: the same month's visits per village, named in words.
  const bar = document.getElementById(`bar-visits-${VILLAGE_B}`)!
  const parts = [b.done ? `已走访${b.done}人` : '', b.due - b.done ? `待走访${b.due - b.done}人` : ''].filter(Boolean).join('，')
  expect(bar.getAttribute('aria-label')).toBe(`左弼村委会，本月走访共${b.due}人：${parts}`)
})

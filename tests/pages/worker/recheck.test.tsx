/** @jest-environment ./tests/setup/jsdom-with-server.js */
/**
 * 待复核 on the worker's pages: after the daily re-check on a child's 16th birthday, the village worker's list
 * filter 待复核 shows the child with the reason; the record page says why; 复核后继续保障 needs words and
 * takes the record off the list.
 */
import {
  act,
  boot,
  signInAs,
  startWorld,
  tapId,
  tapEl,
  textOf,
  typeIn,
  wipe,
  waitFor,
  screen,
  within,
  VILLAGE_A,
  TOWNSHIP,
  COUNTY,
  type World,
} from './world'
import { runRecheck } from '../../../server/src/services/recheck'

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

test('the 16th birthday puts the child on 待复核 with the reason; kept in writing, it leaves the list', async () => {
  const id = await world.submit() // born 2015-03-08
  for (const [who, action] of [
    ['maoping', 'start_review'],
    ['maoping', 'verify'],
    ['chayang', 'approve'],
    ['dabu', 'confirm'],
  ]) {
    expect((await world.t.review(tokens[who], id, { action })).statusCode).toBe(200)
  }
  await runRecheck(world.t.app, '2031-03-08')

  app = boot()
  await signInAs('maoping')
  act(() => {
    within(document.getElementById('filter-status')!).getByText('待复核').click()
  })
  await waitFor(() => expect(textOf(`recheck-${id}`)).toContain('2031-03-08年满16周岁，不再属于农村留守儿童'), { timeout: 5000 })
  expect(textOf(`recheck-${id}`)).toContain('不再符合：农村留守儿童')

  tapEl(document.getElementById(`queue-${id}`))
  await waitFor(() => expect(document.getElementById('entry-recheck')).not.toBeNull(), { timeout: 5000 })
  expect(textOf('entry-recheck')).toContain('年满16周岁')
  tapId('action-keep_after_recheck')
  tapId('panel-send')
  await screen.findByText(/复核后继续保障时请写明原因/)
  await typeIn('field-reason', '父母仍在外务工，孩子仍属困境儿童')
  tapId('panel-send')
  await waitFor(() => expect(document.getElementById('entry-recheck')).toBeNull(), { timeout: 5000 })
  expect(textOf('entry-history')).toContain('复核后继续保障')
  const left = (await world.t.req('GET', '/api/v1/review/rechecks', { token: tokens.maoping })).json()
  expect(left.items).toEqual([])
})

/** @jest-environment ./tests/setup/jsdom-with-server.js */
/**
 * Each role is offered exactly the actions the status machine allows it in the record's status, and a
 * refusal from the server (someone else acted first) is shown in the server's Chinese words, after which
 * the page shows the record as it now is.
 */
import {
  boot,
  signInAs,
  openFromQueue,
  startWorld,
  tapId,
  textOf,
  actionButtons,
  wipe,
  screen,
  waitFor,
  act,
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

/** Moves a record along the chain through the API, as colleagues would. */
type Later =
  'village_review' | 'verified' | 'township_approved' | 'confirmed' | 'termination_proposed' | 'termination_agreed' | 'terminated'
async function moveTo(id: string, status: Later) {
  const steps: [string, string][] = [
    ['maoping', 'start_review'],
    ['maoping', 'verify'],
    ['chayang', 'approve'],
    ['dabu', 'confirm'],
    ['maoping', 'propose_termination'],
    ['chayang', 'agree_termination'],
    ['dabu', 'terminate'],
  ]
  const order: Later[] = [
    'village_review',
    'verified',
    'township_approved',
    'confirmed',
    'termination_proposed',
    'termination_agreed',
    'terminated',
  ]
  const upto = order.indexOf(status)
  for (const [who, action] of steps.slice(0, upto + 1)) {
    const body = action === 'propose_termination' ? { action, termination: { reason: 'age' } } : { action }
    const res = await world.t.review(tokens[who], id, body)
    if (res.statusCode !== 200) throw new Error(`${action} ${res.statusCode} ${res.body}`)
  }
}

async function openAs(username: string, id: string) {
  wipe()
  app = boot(WORKER_ROUTES.login)
  await signInAs(username)
  act(() => app.router.start(`${WORKER_ROUTES.entry}?id=${id}`))
  await waitFor(() => expect(document.getElementById('entry-actions')).not.toBeNull())
}

test.each([
  ['maoping', 'submitted', ['start_review', 'return', 'record_visit']],
  ['maoping', 'village_review', ['verify', 'return', 'record_visit']],
  ['maoping', 'verified', ['record_visit']],
  ['maoping', 'township_approved', []],
  ['chayang', 'submitted', []],
  ['chayang', 'verified', ['return', 'approve']],
  ['chayang', 'township_approved', []],
  ['dabu', 'verified', []],
  ['dabu', 'township_approved', ['return', 'confirm', 'refuse']],
  ['dabu', 'confirmed', []],
  // The monthly home visit goes on after confirmation, a termination under way included (docs/lifecycle.md).
  ['maoping', 'confirmed', ['record_visit', 'propose_termination']],
  ['chayang', 'confirmed', []],
  ['maoping', 'termination_proposed', ['record_visit']],
  ['maoping', 'termination_agreed', ['record_visit']],
  ['chayang', 'termination_proposed', ['agree_termination', 'return_termination']],
  ['dabu', 'termination_proposed', []],
  ['chayang', 'termination_agreed', []],
  ['dabu', 'termination_agreed', ['terminate', 'return_termination']],
  ['maoping', 'terminated', []],
  ['chayang', 'terminated', []],
  ['dabu', 'terminated', []],
] as const)('%s on a %s record is offered %j', async (username, status, expected) => {
  const id = await world.submit()
  if (status !== 'submitted') await moveTo(id, status)
  await openAs(username, id)
  expect(actionButtons().sort()).toEqual([...expected].sort())
  if (expected.length === 0) expect(textOf('actions-none')).toContain('没有可以执行的操作')
  // The card is titled by what the role does: the village 核实, the township 审核, the county 确认.
  const title = { maoping: '核实操作', chayang: '审核操作', dabu: '确认操作' }[username]
  expect(document.querySelector('#entry-actions .card__title')?.textContent).toBe(title)
})

test('the village worker starts the review from the list; the status follows', async () => {
  const id = await world.submit()
  app = boot()
  await signInAs('maoping')
  await openFromQueue(id)
  expect(textOf('entry-status-line')).toContain('已提交')
  tapId('action-start_review')
  await waitFor(() => expect(textOf('entry-status-line')).toContain('村级核实中'))
  expect(textOf('actions-notice')).toBe('已开始核实')
  expect(actionButtons().sort()).toEqual(['record_visit', 'return', 'verify'])
})

test('approve and confirm ask first, then go through', async () => {
  const id = await world.submit()
  await moveTo(id, 'verified')
  await openAs('chayang', id)
  tapId('action-approve')
  expect(textOf('panel-approve')).toContain('报送县级民政部门确认')
  tapId('panel-send')
  await waitFor(() => expect(textOf('entry-status-line')).toContain('乡镇已审核'))
  app.cleanup()
  await openAs('dabu', id)
  tapId('action-refuse')
  tapId('panel-send')
  // 不予认定 needs a written reason: the domain's message, nothing sent.
  await screen.findByText(/不予认定时请写明原因/)
  tapId('panel-cancel')
  tapId('action-confirm')
  tapId('panel-send')
  await waitFor(() => expect(textOf('entry-status-line')).toContain('县级已确认'))
})

test('a refusal from the server is shown in Chinese and the record reloaded', async () => {
  const id = await world.submit()
  await openAs('maoping', id)
  expect(actionButtons()).toContain('start_review')
  // A colleague (or another phone of the same worker) acts first.
  await world.t.review(tokens.maoping, id, { action: 'return', reason: '请补充母亲务工地点', fields: ['parents.mother.workPlace'] })
  tapId('action-start_review')
  await waitFor(() => expect(textOf('actions-problem')).toContain('这条登记已有变化'))
  expect(textOf('actions-problem')).toContain('已按最新情况重新加载')
  await waitFor(() => expect(textOf('entry-status-line')).toContain('已退回'))
  expect(textOf('entry-returned')).toContain('请补充母亲务工地点')
  expect(textOf('entry-returned')).toContain('母亲')
  expect(actionButtons()).toEqual([])
})

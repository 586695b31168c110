/** @jest-environment ./tests/setup/jsdom-with-server.js */
/**
 * Masked and revealed: the list and the record show ID numbers and phones masked; 显示 fetches one value
 * (the server writes an audit row naming the field), 隐藏 masks it again. The neighbouring village's worker
 * neither lists the record nor opens it.
 */
import { fixture } from '../../server/helpers'
import { WORKER_ROUTES } from '@/worker/logic/nav'
import { boot, signInAs, openFromQueue, startWorld, tapId, textOf, wipe, waitFor, act, VILLAGE_A, VILLAGE_B, type World } from './world'

let world: World
let app: ReturnType<typeof boot>
const record = fixture('left-behind')
beforeAll(async () => {
  world = await startWorld()
  await world.account('village_worker', VILLAGE_A, 'maoping')
  await world.account('village_worker', VILLAGE_B, 'zuobi')
})
afterAll(() => world.close())
beforeEach(() => {
  wipe()
  app = boot()
})
afterEach(() => app.cleanup())

const masked = (id: string) => `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`
const row = (path: string) => textOf(`row-${path.replace(/\./g, '-')}`)

test('the list shows the name, ID number and phone masked, and nothing in full', async () => {
  const id = await world.submit()
  await signInAs('maoping')
  await waitFor(() => expect(document.getElementById(`queue-${id}`)).not.toBeNull())
  const item = textOf(`queue-${id}`)
  expect(item).toContain(masked(record.child.idNumber))
  expect(item).toContain('137****2222')
  expect(item).not.toContain(record.child.idNumber)
  expect(item).not.toContain(record.child.name)
  expect(document.body.textContent).not.toContain(record.guardianship.contact.phone)
})

test('the record shows numbers masked until 显示; each reveal is audited by field; 隐藏 masks again', async () => {
  const id = await world.submit()
  await signInAs('maoping')
  await openFromQueue(id)
  expect(row('child.name')).toContain(record.child.name)
  expect(row('child.idNumber')).toContain(masked(record.child.idNumber))
  expect(document.body.textContent).not.toContain(record.child.idNumber)
  expect(document.body.textContent).not.toContain(record.parents.father.phone)
  expect(document.body.textContent).toContain('每次查看都会记录')

  tapId('reveal-child-idNumber')
  await waitFor(() => expect(row('child.idNumber')).toContain(record.child.idNumber))
  expect(row('child.idNumber')).toContain('隐藏')
  // Only the one field: the father's phone is still masked.
  expect(document.body.textContent).not.toContain(record.parents.father.phone)
  const audits = await world.t.app.db.selectFrom('audit_log').select(['action', 'detail']).where('target_id', '=', id).execute()
  expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['view', 'view_history', 'reveal']))
  expect(audits.find((a) => a.action === 'reveal')?.detail).toBe(JSON.stringify({ field: 'child.idNumber' }))

  tapId('reveal-child-idNumber')
  await waitFor(() => expect(row('child.idNumber')).toContain(masked(record.child.idNumber)))
  expect(document.body.textContent).not.toContain(record.child.idNumber)
})

test('the neighbouring village worker does not list the record, and cannot open it', async () => {
  const id = await world.submit()
  await signInAs('zuobi')
  expect(document.getElementById(`queue-${id}`)).toBeNull()
  act(() => app.router.start(`${WORKER_ROUTES.entry}?id=${id}`))
  await waitFor(() => expect(textOf('entry-error')).toContain('找不到这条登记'))
  expect(document.getElementById('record')).toBeNull()
})

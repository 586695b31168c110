/** @jest-environment ./tests/setup/jsdom-with-server.js */
/**
 * 退回 with the fields concerned: tick boxes appear inside the return panel, each named by its field, the reason and at least one field are
 * required (the domain's own messages), and what is sent is exactly what was ticked — which the guardian
 * then reads through their own view, with the reason.
 */
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
  actionButtons,
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
  wipe()
  app = boot()
})
afterEach(() => app.cleanup())

test('return with a reason and two ticked fields; the guardian sees both', async () => {
  const id = await world.submit()
  await signInAs('maoping')
  await openFromQueue(id)
  expect(document.querySelector('[id^="tick-"]')).toBeNull()

  expect(textOf('entry-actions')).toContain('核实操作')
  tapId('action-return')
  // Every tick box is in the return panel (where the reason is written), none up in the record.
  const panel = document.getElementById('panel-return')!
  const boxes = Array.from(document.querySelectorAll('[id^="tick-"]'))
  expect(boxes.length).toBeGreaterThan(20)
  expect(boxes.every((box) => panel.contains(box))).toBe(true)
  expect(document.getElementById('record')!.querySelector('[aria-role="checkbox"]')).toBeNull()
  // Each tick box is named by its field, as its visible text reads, and no two share a name.
  const mother = document.getElementById('tick-parents-mother-workPlace')!
  expect(mother.getAttribute('aria-role')).toBe('checkbox')
  expect(mother.getAttribute('aria-label')).toBe('母亲务工地点（省、市）')
  expect(mother.textContent).toContain('母亲务工地点（省、市）')
  expect(document.getElementById('tick-child')?.getAttribute('aria-label')).toBe('儿童信息（全部）')
  const names = boxes.map((el) => el.getAttribute('aria-label'))
  expect(new Set(names).size).toBe(names.length)
  // Grouped under their step, the group named by it.
  expect(mother.closest('[aria-role="group"]')?.getAttribute('aria-label')).toBe('父母情况')
  expect(textOf('return-ticked')).toContain('还没有勾选')

  // Neither a reason nor a field: nothing is sent, both are asked for.
  const before = world.net.calls.length
  tapId('panel-send')
  await screen.findByText(/退回时请写明原因/)
  expect(textOf('return-ticked')).toContain('退回时请指出需要修改的内容')
  expect(world.net.calls.slice(before).filter((c) => c.includes('/review'))).toEqual([])

  tapId('tick-parents-mother-workPlace')
  tapId('tick-guardianship-carer-phone')
  tapId('tick-child-name')
  tapId('tick-child-name') // ticked twice: off again
  expect(textOf('return-ticked')).toBe('已勾选：母亲务工地点（省、市）、照护人联系电话')
  expect(document.getElementById('tick-parents-mother-workPlace')?.getAttribute('aria-checked')).toBe('true')
  expect(document.getElementById('row-parents-mother-workPlace')?.className).toContain('case__row--ticked')
  await typeIn('field-reason', '母亲务工地点只写了省，请写到市；照护人电话打不通')
  tapId('panel-send')
  await waitFor(() => expect(textOf('entry-status-line')).toContain('已退回'))
  expect(document.querySelector('[id^="tick-"]')).toBeNull()
  expect(textOf('entry-returned')).toContain('母亲务工地点只写了省')
  expect(textOf('entry-returned')).toContain('需要修改：母亲务工地点（省、市）、照护人联系电话')
  expect(textOf('entry-history')).toContain('退回')
  expect(actionButtons()).toEqual([])

  const own = (await world.t.req('GET', `/api/v1/registrations/${id}`, { token: world.guardianToken })).json()
  expect(own.status).toBe('returned')
  expect(own.returned).toMatchObject({
    reason: '母亲务工地点只写了省，请写到市；照护人电话打不通',
    fields: ['parents.mother.workPlace', 'guardianship.carer.phone'],
    byRole: 'village_worker',
  })
})

test('cancelling a return takes the tick boxes away and forgets the ticks', async () => {
  const id = await world.submit()
  await signInAs('maoping')
  await openFromQueue(id)
  tapId('action-return')
  tapId('tick-family')
  tapId('panel-cancel')
  expect(document.querySelector('[id^="tick-"]')).toBeNull()
  tapId('action-return')
  expect(textOf('return-ticked')).toContain('还没有勾选')
})

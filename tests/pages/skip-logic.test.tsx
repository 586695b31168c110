/**
 * Fields that a later answer makes irrelevant are removed from the draft (and so from the record), not
 * hidden and kept; going back and forth between steps loses nothing.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { draftsStore } from '@/store/drafts'
import { MAOPING } from './fill'
import { back, choose, expectStep, field, hasField, inputOf, next, pickDate, pickRegion, tapText, type } from './harness'
import { bootApp, wipePhone } from './setup-app'

let app: ReturnType<typeof bootApp>
beforeEach(async () => {
  wipePhone()
  app = bootApp()
  tapText('开始登记一个孩子')
  await expectStep(1, '儿童信息')
})
afterEach(() => app.cleanup())

const draft = () => Object.values(draftsStore.getState().drafts)[0]
const goToStep = (step: 'parents' | 'guardianship') => act(() => draftsStore.getState().setStep(draft().id, step))

test('a parent who comes home keeps no work place or date; a police report withdrawn drops its date', async () => {
  goToStep('parents')
  await expectStep(2, '父母情况')
  choose('parents.father.situation', '外出务工')
  await type('parents.father.name', '陈国强')
  await type('parents.father.workPlace', '广东省深圳市')
  pickDate('parents.father.since', '2021-02')
  expect(draft().record.parents.father).toEqual({
    situation: 'migrant_work',
    name: '陈国强',
    workPlace: '广东省深圳市',
    since: '2021-02',
  })

  choose('parents.father.situation', '在家')
  await waitFor(() => expect(hasField('parents.father.workPlace')).toBe(false))
  expect(hasField('parents.father.since')).toBe(false)
  expect(draft().record.parents.father).toEqual({ situation: 'at_home', name: '陈国强' })

  choose('parents.mother.situation', '失联')
  pickDate('parents.mother.since', '2023-10-01')
  choose('parents.mother.reportedToPolice', '是')
  pickDate('parents.mother.policeReportDate', '2024-01-15')
  expect(draft().record.parents.mother.policeReportDate).toBe('2024-01-15')
  choose('parents.mother.reportedToPolice', '否')
  await waitFor(() => expect(hasField('parents.mother.policeReportDate')).toBe(false))
  expect(draft().record.parents.mother).toEqual({ situation: 'lost_contact', since: '2023-10-01', reportedToPolice: false })

  // 失联 → 服刑在押: `since` belongs to both, so it stays; the police answer does not.
  choose('parents.mother.situation', '服刑在押')
  await waitFor(() => expect(hasField('parents.mother.until')).toBe(true))
  expect(draft().record.parents.mother).toEqual({ situation: 'imprisoned', since: '2023-10-01' })
})

test('health and 户口 answers drop the fields they no longer call for', async () => {
  choose('child.hasHukou', '是')
  await type('child.idNumber', '441422201401250152')
  choose('child.hukouType', '农村户口')
  await pickRegion('child.hukouRegion', MAOPING)
  choose('child.health', '残疾')
  choose('child.disability.category', '智力残疾')
  choose('child.disability.grade', '二级')
  await type('child.disability.certificateNo', '44142220140125015252')
  expect(draft().record.child.disability).toEqual({ category: '5', grade: '2', certificateNo: '44142220140125015252' })

  choose('child.health', '健康')
  await waitFor(() => expect(hasField('child.disability.category')).toBe(false))
  expect(draft().record.child).not.toHaveProperty('disability')

  choose('child.hasHukou', '否')
  await waitFor(() => expect(hasField('child.idNumber')).toBe(false))
  const child = draft().record.child
  expect(child).not.toHaveProperty('idNumber')
  expect(child).not.toHaveProperty('hukouType')
  expect(child).not.toHaveProperty('hukouRegion')
  // What the ID number filled in is the guardian's answer now, and stays.
  expect(child.birthDate).toBe('2014-01-25')
})

test('the entrusted carer exists only while a parent is away and 委托他人照料 is chosen', async () => {
  goToStep('parents')
  choose('parents.father.situation', '外出务工')
  choose('parents.mother.situation', '在家')
  goToStep('guardianship')
  await expectStep(3, '监护照料')
  // Father away: neither 父母共同照料 nor 父亲照料 is offered.
  expect(within(field('guardianship.arrangement')).queryByText('父母共同照料')).toBeNull()
  expect(within(field('guardianship.arrangement')).queryByText('父亲照料')).toBeNull()
  choose('guardianship.arrangement', '委托他人照料')
  await type('guardianship.carer.name', '陈桂英')
  expect(draft().record.guardianship.carer).toEqual({ name: '陈桂英' })

  choose('guardianship.arrangement', '母亲照料')
  await waitFor(() => expect(hasField('guardianship.carer.name')).toBe(false))
  expect(draft().record.guardianship).not.toHaveProperty('carer')

  // Both parents at home: no one is entrusted, and an arrangement that no longer fits is cleared.
  choose('guardianship.arrangement', '委托他人照料')
  await type('guardianship.carer.name', '陈桂英')
  back()
  await expectStep(2, '父母情况')
  choose('parents.father.situation', '在家')
  expect(draft().record.guardianship).not.toHaveProperty('carer')
  expect(draft().record.guardianship).not.toHaveProperty('arrangement')
  goToStep('guardianship')
  await expectStep(3, '监护照料')
  expect(within(field('guardianship.arrangement')).queryByText('委托他人照料')).toBeNull()
  expect(within(field('guardianship.arrangement')).getByText('父母共同照料')).toBeTruthy()
})

test('going back and forth keeps every answer, including text still being typed', async () => {
  await type('child.name', '陈小明')
  choose('child.hasHukou', '否')
  // Typed but not yet left: 上一步/下一步 commit it first.
  const address = await inputOf('child.residenceAddress')
  act(() => {
    fireEvent.input(address, { target: { value: '茅坪村上屋12号' } })
  })
  next() // blocked by the other empty fields, but what was typed is committed
  await waitFor(() => expect(draft().record.child.residenceAddress).toBe('茅坪村上屋12号'))
  goToStep('parents')
  await expectStep(2, '父母情况')
  choose('parents.father.situation', '外出务工')
  back()
  await expectStep(1, '儿童信息')
  expect((await inputOf('child.name')).value).toBe('陈小明')
  expect((await inputOf('child.residenceAddress')).value).toBe('茅坪村上屋12号')
  expect(within(field('child.hasHukou')).getByText('否').parentElement?.getAttribute('aria-checked')).toBe('true')
  goToStep('parents')
  await expectStep(2, '父母情况')
  expect(draft().record.parents.father.situation).toBe('migrant_work')
  expect(screen.getByText('父亲务工地点（省、市）')).toBeTruthy()
})

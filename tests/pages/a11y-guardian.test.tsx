/**
 * The guardian's pages as a screen reader and a grandmother meet them: every text box named by its label
 * (on the real <input>), radio groups named by their question, no `id="undefined"` and no id twice, one
 * error line per field, the step bar that jumps forward as far as the steps are complete, a correction
 * listed once on home, the month-only 外出务工开始时间, and withdrawing a registration.
 */
import { act, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import leftBehind from '../fixtures/registrations/left-behind.json'
import { draftRecordOf } from '@/domain/record'
import { openWizard } from '@/platform/navigation'
import { draftsStore } from '@/store/drafts'
import { outboxStore, type OutboxItem } from '@/store/outbox'
import { fakeApi, type FakeApi } from './fake-api'
import { choose, expectStep, field, inputOf, next, openPicker, tap, tapText, type } from './harness'
import { bootApp, wipePhone } from './setup-app'

let app: ReturnType<typeof bootApp>
let api: FakeApi
beforeEach(() => {
  wipePhone()
  api = fakeApi()
})
afterEach(() => {
  app?.cleanup()
  api.restore()
  jest.restoreAllMocks()
})

const ID = '11111111-2222-4333-8444-555555555555'
const record = () => JSON.parse(JSON.stringify(leftBehind))
const byLabel = (label: string) => document.querySelector(`[aria-label="${label}"]`) as HTMLElement | null

function ids() {
  const all = Array.from(document.querySelectorAll('[id]')).map((el) => el.id)
  return { all, repeated: all.filter((id, i) => all.indexOf(id) !== i) }
}

async function startWizard() {
  app = bootApp(undefined, { serveApi: false })
  await screen.findByText('开始登记一个孩子')
  tapText('开始登记一个孩子')
  await expectStep(1, '儿童信息')
}

test('text boxes are named by their label on the real input, radio groups by their question; no undefined or repeated ids', async () => {
  await startWizard()
  const name = await inputOf('child.name')
  expect(name.getAttribute('aria-label')).toBe('儿童姓名')
  expect((await inputOf('child.residenceAddress')).getAttribute('aria-label')).toBe('详细地址（门牌号）')
  const hukou = field('child.hasHukou').querySelector('.choices') as HTMLElement
  expect(hukou.getAttribute('aria-label')).toBe('是否已登记户口')
  expect(within(hukou).getAllByText(/^[是否]$/)).toHaveLength(2)
  expect(field('child.ethnicity').querySelector('.field__picker')?.getAttribute('aria-label')).toBe('民族：请选择')
  const { all, repeated } = ids()
  expect(all).not.toContain('undefined')
  expect(repeated).toEqual([])
})

test('a phone number gets the phone keyboard', async () => {
  await startWizard()
  act(() => draftsStore.getState().setStep(Object.keys(draftsStore.getState().drafts)[0], 'parents'))
  await expectStep(2, '父母情况')
  choose('parents.father.situation', '外出务工')
  const phone = await inputOf('parents.father.phone')
  expect(phone.getAttribute('type')).toBe('tel')
  expect(phone.getAttribute('aria-label')).toBe('父亲联系电话')
})

test('a 17-digit ID number shows one error line, linked from the input', async () => {
  await startWizard()
  await type('child.name', '陈小明')
  choose('child.hasHukou', '是')
  await type('child.idNumber', '44142220150308123')
  next()
  const box = field('child.idNumber')
  await waitFor(() => expect(box.className).toContain('field--invalid'))
  const lines = Array.from(box.querySelectorAll('.field__error, .field__note--warn'))
  expect(lines).toHaveLength(1)
  const input = await inputOf('child.idNumber')
  expect(input.getAttribute('aria-invalid')).toBe('true')
  expect(document.getElementById(input.getAttribute('aria-describedby') as string)).toBe(lines[0])
})

test('外出务工开始时间 asks for the year and month only and keeps YYYY-MM', async () => {
  await startWizard()
  const id = Object.keys(draftsStore.getState().drafts)[0]
  act(() => draftsStore.getState().setStep(id, 'parents'))
  await expectStep(2, '父母情况')
  choose('parents.father.situation', '外出务工')
  openPicker('parents.father.since')
  const sheet = field('parents.father.since').querySelector('.sheet') as HTMLElement
  expect(within(sheet).queryByText(/^✓?1日$/)).toBeNull()
  tap(within(sheet).getByText(/^✓?2021年$/))
  tap(within(sheet).getByText(/^✓?2月$/))
  tapText('确定', sheet)
  expect(draftsStore.getState().drafts[id].record.parents.father.since).toBe('2021-02')
  expect(within(field('parents.father.since')).getByText('2021年2月')).toBeTruthy()
})

const mark = (label: string) => {
  const el = byLabel(label)
  if (!el) throw new Error(`no step mark ${label}`)
  return el
}

/** A returned registration being corrected: complete, so every step can be passed. */
async function openCorrection(patch: (r: any) => void = () => undefined) {
  app = bootApp(undefined, { serveApi: false })
  await screen.findByText('开始登记一个孩子')
  const r = record()
  patch(r)
  act(() => draftsStore.getState().openFix(ID, draftRecordOf(r), { source: 'returned', reason: '请核对', fields: [], baseVersion: 1 }))
}

test('the step bar: forward past complete steps in one tap', async () => {
  await openCorrection()
  act(() => openWizard(ID))
  await expectStep(1, '儿童信息')
  tap(mark('5 确认提交'))
  await expectStep(5, '确认提交')
  tap(mark('✓ 父母情况（已填）'))
  await expectStep(2, '父母情况')
  expect(mark('2 父母情况（当前）').getAttribute('aria-current')).toBe('step')
})

test('the step bar stops at the first step with problems and shows them there', async () => {
  await openCorrection((r) => delete r.guardianship.carer.phone)
  act(() => openWizard(ID))
  await expectStep(1, '儿童信息')
  tap(mark('5 确认提交'))
  await expectStep(3, '监护照料')
  await waitFor(() => expect(field('guardianship.carer.phone').className).toContain('field--invalid'))
})

test('a correction in progress shows once on home: under 我的登记, not again as a draft', async () => {
  const item: OutboxItem = {
    id: ID,
    kind: 'registration',
    record: record(),
    queuedAt: '2026-11-20T08:00:00.000Z',
    status: 'synced',
    attempts: 1,
    server: {
      status: 'returned',
      statusLabel: '已退回',
      version: 2,
      updatedAt: '2026-11-28T03:00:00.000Z',
      allowedActions: ['submit', 'withdraw'],
      returned: null,
    },
  }
  act(() => outboxStore.setState({ items: { [ID]: item } }))
  await openCorrection()
  await screen.findByText('继续修改')
  expect(document.getElementById(`draft-${ID}`)).toBeNull()
  expect(document.getElementById('home-drafts')).toBeNull()
})

test('withdraw: asked in plain words, sent to the server, shown as withdrawn with what that means', async () => {
  const view = {
    id: ID,
    status: 'submitted',
    statusLabel: '已提交',
    version: 1,
    updatedAt: '2026-11-20T08:00:00.000Z',
    allowedActions: ['withdraw'],
  }
  api.views[ID] = view
  const item: OutboxItem = {
    id: ID,
    kind: 'registration',
    record: record(),
    queuedAt: '2026-11-20T08:00:00.000Z',
    status: 'synced',
    attempts: 1,
    server: {
      status: 'submitted',
      statusLabel: '已提交',
      version: 1,
      updatedAt: view.updatedAt,
      allowedActions: ['withdraw'],
      returned: null,
    },
  }
  outboxStore.setState({ items: { [ID]: item } })
  const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true } as any)
  app = bootApp('/pages/mine/index', { serveApi: false })
  await screen.findByText(/开始核实前，您可以撤回/)
  tapText('撤回这份登记')
  await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
  expect(modal.mock.calls[0][0]).toMatchObject({ title: '撤回登记？', confirmText: '确定撤回', cancelText: '不撤回' })
  expect(String(modal.mock.calls[0][0]?.content)).toContain('陈小明')
  expect(api.withdrawals).toEqual([])

  modal.mockResolvedValueOnce({ confirm: true, cancel: false } as any)
  tapText('撤回这份登记')
  await waitFor(() => expect(api.withdrawals).toEqual([ID]))
  await waitFor(() => expect(outboxStore.getState().items[ID].server?.status).toBe('withdrawn'))
  await screen.findByText('这份登记已经撤回，不会再处理。需要时可以重新登记。')
  expect(screen.queryByText('撤回这份登记')).toBeNull()
})

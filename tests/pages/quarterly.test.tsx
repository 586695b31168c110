/**
 * 动态更新 on the guardian's record page (docs/guardian-app.md, "Quarterly updates"): a confirmed child's page asks
 * this quarter's question; 没有变化 is one tap; 有变化 opens the server's record in the wizard, and the update goes
 * to the quarterly endpoint on the version it was made on; a refusal keeps the draft; a move (a transfer started)
 * drops the draft unless other changes were in it, which stay on the version the transfer's start made.
 */
import { screen, waitFor } from '@testing-library/react'
import leftBehind from '../fixtures/registrations/left-behind.json'
import { draftsStore } from '@/store/drafts'
import { outboxStore, type OutboxItem } from '@/store/outbox'
import { fakeApi, type FakeApi } from './fake-api'
import { expectStep, next, tap, tapText, type } from './harness'
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
})

const ID = '21111111-2222-4333-8444-555555555555'
const record = () => JSON.parse(JSON.stringify(leftBehind))
const prompt = { quarter: '2026Q4', label: '2026年第四季度', answer: null, answeredAt: null, canChange: true }
const server = { status: 'confirmed' as const, statusLabel: '县级已确认', version: 5, allowedActions: [], quarterly: prompt }

function confirmedChild() {
  // Confirmed: the phone keeps only the name (a slim record); the server holds the record.
  const item: OutboxItem = {
    id: ID,
    kind: 'registration',
    record: { child: { name: '陈小明' } },
    slim: true,
    queuedAt: '2026-11-20T08:00:00.000Z',
    status: 'synced',
    attempts: 1,
    server,
  }
  outboxStore.setState({ items: { [ID]: item } })
  api.views[ID] = { id: ID, ...server, record: record(), returned: null, termination: null }
}
const byId = (id: string) =>
  waitFor(() => {
    const el = document.getElementById(id)
    if (!el) throw new Error(`#${id} is not on the page`)
    return el
  })

test('没有变化: one tap, sent once; the page says the quarter is answered', async () => {
  confirmedChild()
  app = bootApp('/register/record/index?id=' + ID, { serveApi: false })
  const card = await byId('record-quarterly')
  expect(card.textContent).toContain('2026年第四季度情况确认')
  expect(card.textContent).toContain('有没有变化')
  const unchanged = await byId('quarterly-unchanged')
  expect(unchanged.textContent).toContain('没有变化')
  tap(unchanged)
  await waitFor(() => expect(document.getElementById('quarterly-answered')?.textContent).toContain('您已确认本季度没有变化'))
  expect(api.quarterly).toEqual([{ id: ID, body: { unchanged: true } }])
  expect(outboxStore.getState().items[ID].server?.quarterly).toMatchObject({ answer: 'unchanged' })
  expect(document.getElementById('quarterly-unchanged')).toBeNull()
})

test("有变化: the server's record in the wizard; the update goes to the quarterly endpoint on its version", async () => {
  confirmedChild()
  app = bootApp('/register/record/index?id=' + ID, { serveApi: false })
  tap(await byId('quarterly-update'))
  await expectStep(1, '儿童信息')
  expect(document.getElementById('wizard-fix')!.textContent).toContain('更新孩子和家里的情况')
  expect(draftsStore.getState().drafts[ID].fix).toMatchObject({ source: 'quarterly', baseVersion: 5 })
  next()
  await expectStep(2, '父母情况')
  await type('parents.mother.workPlace', '广东省广州市')
  for (const [n, title] of [
    [2, '父母情况'],
    [3, '监护照料'],
    [4, '家庭情况'],
  ] as const) {
    await expectStep(n, title)
    next()
  }
  await expectStep(5, '确认提交')
  tap(document.getElementById('consent-checkbox') as HTMLElement)
  tapText('同意并提交')
  await waitFor(() => expect(api.quarterly).toHaveLength(1))
  expect(api.quarterly[0].body).toMatchObject({ baseVersion: 5, record: { parents: { mother: { workPlace: '广东省广州市' } } } })
  await waitFor(() => expect(draftsStore.getState().drafts[ID]).toBeUndefined())
  expect(outboxStore.getState().items[ID].server).toMatchObject({ status: 'update_village', quarterly: { answer: 'changed' } })
  // Nothing went through the outbox's PUT.
  expect(api.puts).toEqual([])
})

test('a refusal (another change still under review): the reason is shown and the draft is kept', async () => {
  confirmedChild()
  api.quarterlyRefusal = { statusCode: 409, code: 'update_pending', message: '上一次的更新还在审核中，审核完成后再提交新的变化' }
  await sendUpdateThroughWizard()
  await screen.findAllByText('上一次的更新还在审核中，审核完成后再提交新的变化')
  expect(draftsStore.getState().drafts[ID]).toBeDefined()
  expect(outboxStore.getState().items[ID].server?.status).toBe('confirmed')
})

/** Through the wizard to 同意并提交 on an update, as the guardian would. */
async function sendUpdateThroughWizard() {
  app = bootApp('/register/record/index?id=' + ID, { serveApi: false })
  tap(await byId('quarterly-update'))
  await expectStep(1, '儿童信息')
  for (let n = 1; n <= 4; n++) next()
  await expectStep(5, '确认提交')
  tap(document.getElementById('consent-checkbox') as HTMLElement)
  tapText('同意并提交')
}

test('a move (202, a transfer started): nothing else in it, so the draft goes', async () => {
  confirmedChild()
  api.quarterlyMove = { otherChanges: false, message: '已转给迁入地的儿童主任办理迁移' }
  await sendUpdateThroughWizard()
  await waitFor(() => expect(api.quarterly).toHaveLength(1))
  await waitFor(() => expect(draftsStore.getState().drafts[ID]).toBeUndefined())
})

test('a move with other changes: the draft stays, now on the version the transfer made', async () => {
  confirmedChild()
  api.quarterlyMove = { otherChanges: true, message: '其他变化还保留在手机上' }
  await sendUpdateThroughWizard()
  await waitFor(() => expect(api.quarterly).toHaveLength(1))
  await waitFor(() => expect(draftsStore.getState().drafts[ID]?.fix?.baseVersion).toBe(6))
})

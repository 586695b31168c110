/**
 * The return-and-fix loop in the pages: 去修改 opens the registration in the wizard with the reviewer's
 * fields marked (or the server's messages beside their fields), the fix is submitted on the version it was
 * made on; a conflict shows both versions side by side and lets the guardian choose.
 */
import { act, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import leftBehind from '../fixtures/registrations/left-behind.json'
import type { Action } from '@/domain/status'
import { draftsStore } from '@/store/drafts'
import { outboxStore, type OutboxItem } from '@/store/outbox'
import { fakeApi, type FakeApi } from './fake-api'
import { expectStep, field, inputOf, next, tap, tapText, type } from './harness'
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
const seed = (patch: Partial<OutboxItem>) => {
  const item: OutboxItem = {
    id: ID,
    kind: 'registration',
    record: record(),
    queuedAt: '2026-11-20T08:00:00.000Z',
    status: 'synced',
    attempts: 1,
    ...patch,
  }
  outboxStore.setState({ items: { [ID]: item } })
}
/** The element once it is on the page. */
const byId = (id: string) =>
  waitFor(() => {
    const el = document.getElementById(id)
    if (!el) throw new Error(`#${id} is not on the page`)
    return el
  })
const returned = {
  reason: '母亲务工地点写得不清楚',
  fields: ['parents.mother.workPlace'],
  at: '2026-11-28T03:00:00.000Z',
  byRole: 'village_worker' as const,
}

async function submitFromReview() {
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
}

test("returned: 去修改 opens the server's record at the named field, marked; the fix goes out on that version", async () => {
  seed({ server: { status: 'returned', statusLabel: '已退回', version: 2, returned } })
  api.views[ID] = {
    id: ID,
    status: 'returned',
    statusLabel: '已退回',
    version: 2,
    record: record(),
    returned,
    allowedActions: ['submit', 'withdraw'],
  }
  app = bootApp(undefined, { serveApi: false })
  const row = await waitFor(() => document.getElementById(`mine-${ID}`) as HTMLElement) // home: 需要处理
  tap(within(row).getByText('去修改'))
  await expectStep(2, '父母情况')
  const banner = document.getElementById('wizard-fix') as HTMLElement
  expect(banner.textContent).toContain('请修改退回的登记')
  expect(banner.textContent).toContain('原因：母亲务工地点写得不清楚')
  expect(banner.textContent).toContain('✎ 母亲务工地点')
  const workPlace = field('parents.mother.workPlace')
  expect(workPlace.className).toContain('field--flagged')
  expect(workPlace.textContent).toContain('✎ 工作人员请您核对、修改这一项')
  expect(field('parents.father.workPlace').className).not.toContain('field--flagged')
  expect(draftsStore.getState().drafts[ID].fix).toMatchObject({ source: 'returned', baseVersion: 2 })

  await type('parents.mother.workPlace', '广东省东莞市长安镇')
  expect((await inputOf('parents.mother.workPlace')).value).toBe('广东省东莞市长安镇')
  tapText('上一步')
  await expectStep(1, '儿童信息')
  next()
  await submitFromReview()
  await screen.findByText('登记已保存')
  const item = outboxStore.getState().items[ID]
  expect(item).toMatchObject({ status: 'queued', baseVersion: 2, queuedAt: '2026-11-20T08:00:00.000Z' })
  expect((item.record as any).parents.mother.workPlace).toBe('广东省东莞市长安镇')
  expect(item.server?.status).toBe('returned') // what the server said, until it answers the fix
  expect(draftsStore.getState().drafts[ID]).toBeUndefined()
})

test('returned and sent back without a change: the phone says so and sends nothing', async () => {
  seed({ server: { status: 'returned', statusLabel: '已退回', version: 2, returned } })
  api.views[ID] = { id: ID, status: 'returned', statusLabel: '已退回', version: 2, record: record(), returned, allowedActions: ['submit'] }
  app = bootApp('/register/record/index?id=' + ID, { serveApi: false })
  tap(await byId('record-fix'))
  await expectStep(2, '父母情况')
  await submitFromReview()
  await screen.findAllByText('内容还没有修改。请按退回的原因修改后再提交。')
  expect(outboxStore.getState().items[ID]).toMatchObject({ status: 'synced', server: { status: 'returned' } })
  expect(draftsStore.getState().drafts[ID]).toBeDefined()
})

test('refused by the server (400): the messages stand beside their fields; the fix goes out as a first submission', async () => {
  seed({
    status: 'rejected',
    attempts: 1,
    server: undefined,
    lastError: {
      kind: 'http',
      status: 400,
      code: 'validation',
      message: '填写的内容有误，请按提示修改',
      issues: [{ path: ['child', 'residenceAddress'], message: '详细地址请写到门牌号' }],
    },
  })
  app = bootApp('/pages/mine/index', { serveApi: false })
  tap(within(await waitFor(() => document.getElementById(`mine-${ID}`) as HTMLElement)).getByText('去修改'))
  await expectStep(1, '儿童信息')
  expect(document.getElementById('wizard-fix')!.textContent).toContain('请修改后重新提交')
  expect(field('child.residenceAddress').textContent).toContain('✎ 详细地址请写到门牌号')
  await type('child.residenceAddress', '茅坪村上屋12号之二')
  next()
  await submitFromReview()
  await screen.findByText('登记已保存')
  const item = outboxStore.getState().items[ID]
  expect(item).toMatchObject({ status: 'queued', attempts: 0, record: { child: { residenceAddress: '茅坪村上屋12号之二' } } })
  expect(item.baseVersion).toBeUndefined()
  expect(item.lastError).toBeUndefined()
})

test("conflict: the differing fields side by side; keeping mine resends on the server's version, keeping theirs needs a yes", async () => {
  const mine = record()
  mine.parents.mother.workPlace = '广东省东莞市长安镇'
  const theirs = record()
  theirs.child.residenceAddress = '茅坪村上屋12号之一'
  const server = { status: 'returned' as const, version: 4, allowedActions: ['submit', 'withdraw'] satisfies Action[] }
  seed({
    status: 'conflict',
    record: mine,
    baseVersion: 2,
    lastError: { kind: 'http', status: 409, code: 'stale_version', message: '' },
    conflict: { record: theirs, server, code: 'stale_version', at: '2026-11-28T08:00:00.000Z' },
  })
  app = bootApp('/register/record/index?id=' + ID, { serveApi: false })
  const box = await waitFor(() => document.getElementById('record-conflict') as HTMLElement)
  const rows = box.querySelectorAll('.record__diff')
  expect(Array.from(rows, (r) => r.textContent)).toEqual([
    expect.stringMatching(/^详细地址（门牌号）我手机上的茅坪村上屋12号服务器上的茅坪村上屋12号之一$/),
    expect.stringMatching(/^母亲务工地点（省、市）我手机上的广东省东莞市长安镇服务器上的广东省东莞市$/),
  ])
  tap(document.getElementById('conflict-mine') as HTMLElement)
  expect(outboxStore.getState().items[ID]).toMatchObject({ status: 'queued', baseVersion: 4, record: mine })

  // Again in conflict; this time the server's version is kept — only after the guardian says yes.
  act(() => seed({ status: 'conflict', record: mine, conflict: { record: theirs, server, code: 'stale_version', at: 'x' } }))
  const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true } as any)
  tap(await byId('conflict-theirs'))
  await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
  expect(outboxStore.getState().items[ID].status).toBe('conflict')
  modal.mockResolvedValueOnce({ confirm: true, cancel: false } as any)
  tap(document.getElementById('conflict-theirs') as HTMLElement)
  await waitFor(() => expect(outboxStore.getState().items[ID]).toMatchObject({ status: 'synced', record: theirs, server: { version: 4 } }))
})

test("a conflict the server would not accept an edit for offers only the server's version", async () => {
  seed({
    status: 'conflict',
    record: record(),
    conflict: { record: record(), server: { status: 'village_review', version: 5, allowedActions: [] }, at: 'x' },
  })
  app = bootApp('/register/record/index?id=' + ID, { serveApi: false })
  const box = await waitFor(() => document.getElementById('record-conflict') as HTMLElement)
  expect(box.textContent).toContain('两边填写的内容相同，只是版本不同。')
  expect(box.textContent).toContain('只能以服务器上的为准')
  expect(document.getElementById('conflict-mine')).toBeNull()
})

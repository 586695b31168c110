/**
 * What the guardian sees of sending and review: the home page's badge and the items that need them,
 * 我的登记 with a badge per child (local states and the server's), refresh, the retry time, the record
 * page's history, and the questions about old drafts and full storage.
 */
import { act, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import leftBehind from '../fixtures/registrations/left-behind.json'
import { draftsStore } from '@/store/drafts'
import { outboxStore, type OutboxItem } from '@/store/outbox'
import { fakeApi, type FakeApi } from './fake-api'
import { tap, tapText } from './harness'
import { bootApp, wipePhone } from './setup-app'

let app: ReturnType<typeof bootApp>
let api: FakeApi
beforeEach(() => {
  wipePhone()
})
afterEach(() => {
  app?.cleanup()
  api?.restore()
  jest.restoreAllMocks()
})

const record = () => JSON.parse(JSON.stringify(leftBehind))
const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`
function seed(n: number, patch: Partial<OutboxItem>, name = `孩子${n}`) {
  const r = record()
  r.child.name = name
  const item: OutboxItem = {
    id: ID(n),
    kind: 'registration',
    record: r,
    queuedAt: `2026-11-2${n}T08:00:00.000Z`,
    status: 'queued',
    attempts: 0,
    ...patch,
  }
  outboxStore.setState({ items: { ...outboxStore.getState().items, [item.id]: item } })
  return item.id
}
const rowOf = (id: string) => document.getElementById(`mine-${id}`) as HTMLElement
const badgeText = (id: string) => (document.getElementById(`badge-${id}`) as HTMLElement).textContent

test("我的登记: each child with its badge — waiting, retry time, refused with the reason, conflict, the server's statuses", async () => {
  api = fakeApi()
  api.offline = true
  seed(1, { status: 'queued' })
  seed(2, { status: 'failed', attempts: 2, nextRetryAt: '2026-11-28T02:32:00.000Z', lastError: { kind: 'offline', message: 'x' } })
  seed(3, { status: 'rejected', lastError: { kind: 'http', status: 400, code: 'validation', message: '填写的内容有误，请按提示修改' } })
  seed(4, { status: 'conflict', conflict: { record: record(), server: { status: 'returned', version: 4 }, at: 'x' } })
  seed(5, {
    status: 'synced',
    server: {
      status: 'returned',
      statusLabel: '已退回',
      version: 2,
      returned: {
        reason: '母亲务工地点写得不清楚',
        fields: ['parents.mother.workPlace'],
        at: '2026-11-28T03:00:00.000Z',
        byRole: 'village_worker',
      },
    },
  })
  seed(6, {
    status: 'synced',
    slim: true,
    record: { child: { name: '孩子6' } } as any,
    server: { status: 'verified', statusLabel: '村级已核实', version: 3 },
  })
  seed(7, {
    status: 'synced',
    slim: true,
    record: { child: { name: '孩子7' } } as any,
    server: {
      status: 'terminated',
      statusLabel: '已终止',
      version: 8,
      termination: {
        reason: 'age',
        reasonLabel: '年满16/18周岁',
        proposedAt: '2026-11-20T02:00:00.000Z',
        decidedAt: '2026-12-15T02:00:00.000Z',
        supportStopsFrom: '2027-01',
      },
    },
  })
  app = bootApp('/pages/mine/index', { serveApi: false })
  await screen.findByText('没有连上服务器，下面是手机上保存的情况。有网络时再刷新。')

  expect(badgeText(ID(1))).toContain('待提交')
  expect(badgeText(ID(2))).toContain('还没提交上')
  expect(badgeText(ID(2))).toContain('网络不通，11月28日 10:32会自动再试一次') // China time; visible, never silent
  expect(within(rowOf(ID(2))).getByText('现在重试')).toBeTruthy()
  expect(badgeText(ID(3))).toContain('需要修改')
  expect(badgeText(ID(3))).toContain('填写的内容有误，请按提示修改')
  expect(badgeText(ID(4))).toContain('需要您选择')
  expect(within(rowOf(ID(4))).getByText('去选择')).toBeTruthy()
  expect(badgeText(ID(5))).toContain('已退回')
  expect(badgeText(ID(5))).toContain('退回原因：母亲务工地点写得不清楚')
  expect(within(rowOf(ID(5))).getByText('去修改')).toBeTruthy()
  expect(badgeText(ID(6))).toContain('✓ 村级已核实')
  expect(within(rowOf(ID(6))).getByText('已核实的登记，手机上只保留孩子姓名和办理情况。')).toBeTruthy()
  expect(within(rowOf(ID(6))).queryByText('再登记一个孩子')).toBeNull() // nothing left to copy
  // Ended by the county: 已终止 in words, why, and from which month.
  expect(badgeText(ID(7))).toContain('已终止')
  expect(badgeText(ID(7))).toContain('原因：年满16/18周岁。从2027年1月起停止相关保障。')
  expect(document.getElementById('mine-summary-badge')!.textContent).toContain('3份需要您处理')
})

test("刷新 brings the server's statuses in; the home page's badge follows", async () => {
  api = fakeApi()
  const id = seed(1, { status: 'synced', server: { status: 'submitted', statusLabel: '已提交', version: 1 } })
  app = bootApp(undefined, { serveApi: false })
  const home = await waitFor(() => document.getElementById('home-sync-badge') as HTMLElement)
  expect(home.textContent).toContain('1份登记都已提交到服务器')

  api.list = [
    {
      id,
      childName: '孩子1',
      createdAt: 'x',
      status: 'returned',
      statusLabel: '已退回',
      version: 2,
      allowedActions: ['submit', 'withdraw'],
      returned: { reason: '请补充母亲务工地点', fields: ['parents.mother.workPlace'], byRole: 'village_worker' },
    },
  ]
  tapText('查看我的登记（共1份）')
  await screen.findByText(/已从服务器更新/)
  expect(badgeText(id)).toContain('退回原因：请补充母亲务工地点')
  expect(outboxStore.getState().items[id].server).toMatchObject({ status: 'returned', version: 2 })
})

test("the record page shows the reviewer's reason, the fields named in words, and the history", async () => {
  api = fakeApi()
  const id = seed(1, {
    status: 'synced',
    server: {
      status: 'returned',
      statusLabel: '已退回',
      version: 2,
      returned: {
        reason: '请补充母亲务工地点',
        fields: ['parents.mother.workPlace', 'guardianship.carer'],
        at: '2026-11-28T03:00:00.000Z',
        byRole: 'township_supervisor',
      },
    },
  })
  api.history[id] = [
    {
      version: 1,
      at: '2026-11-28T02:00:00.000Z',
      action: 'submit',
      actionLabel: '提交',
      toLabel: '已提交',
      fromLabel: null,
      actor: { role: 'guardian', roleLabel: '监护人', name: null },
    },
    {
      version: 2,
      at: '2026-11-28T03:00:00.000Z',
      action: 'return',
      actionLabel: '退回',
      toLabel: '已退回',
      fromLabel: '已提交',
      reason: '请补充母亲务工地点',
      actor: { role: 'township_supervisor', roleLabel: '乡镇(街道)儿童督导员', name: null },
    },
  ]
  app = bootApp(`/register/record/index?id=${id}`, { serveApi: false })
  const returned = await waitFor(() => document.getElementById('record-returned') as HTMLElement)
  expect(returned.textContent).toContain('乡镇(街道)儿童督导员把这份登记退回了')
  expect(returned.textContent).toContain('• 母亲务工地点')
  expect(returned.textContent).toContain('• 委托照护人')
  await screen.findByText('11月28日 11:00 乡镇(街道)儿童督导员：退回（已退回）')
  expect(screen.getByText('11月28日 10:00 监护人：提交（已提交）')).toBeTruthy()
})

test('a draft untouched for 30 days asks whether to keep it: keep touches it, delete removes it', async () => {
  const realNow = Date.now()
  jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as any)
  const old = (name: string) => {
    const id = draftsStore.getState().createDraft()
    draftsStore.getState().updateRecord(id, (r) => ({ ...r, child: { name } }))
    const d = draftsStore.getState().drafts[id]
    const at = new Date(realNow - 31 * 24 * 3600 * 1000).toISOString()
    draftsStore.setState({ drafts: { ...draftsStore.getState().drafts, [id]: { ...d, updatedAt: at, createdAt: at } } })
    return id
  }
  const keep = old('王小一')
  const drop = old('王小二')
  draftsStore.getState().createDraft() // a fresh draft is not asked about
  app = bootApp()
  const card = await waitFor(() => document.getElementById('home-abandoned') as HTMLElement)
  expect(card.textContent).toContain('王小一的登记从')
  tap(within(document.getElementById(`abandoned-${keep}`)!).getByText('保留'))
  expect(Date.parse(draftsStore.getState().drafts[keep].updatedAt)).toBeGreaterThan(realNow - 60_000)
  tap(within(document.getElementById(`abandoned-${drop}`)!).getByText('删除'))
  await waitFor(() => expect(draftsStore.getState().drafts[drop]).toBeUndefined())
  await waitFor(() => expect(document.getElementById('home-abandoned')).toBeNull())
  expect(Object.keys(draftsStore.getState().drafts)).toHaveLength(2)
})

test("storage close to WeChat's 10 MB: the home page says so", async () => {
  jest.spyOn(Taro, 'getStorageInfoSync').mockReturnValue({ keys: [], currentSize: 8400, limitSize: 10240 } as any)
  app = bootApp()
  const warning = await waitFor(() => document.getElementById('home-storage') as HTMLElement)
  expect(warning.textContent).toContain('已有8.2MB，接近微信的10MB上限')
  await act(async () => undefined)
})

/** @jest-environment ./tests/setup/jsdom-with-server.js */
/**
 * Reports of a child at risk, the pages against the real server in-process: a neighbour's report typed with
 * no signal is kept in the outbox (报告已保存在手机上) and reaches the server when the network returns — once —
 * then leaves the phone, with a receipt in 我的报告; the village worker finds it urgent on top of the list,
 * opens it, records 入户 (the clock stops) and 纳入登记, which opens the wizard on a new draft whose 现住址 is
 * the report's village.
 */
import { render } from '@testing-library/react'
import { ROUTES } from '@/platform/navigation'
import { forgetSession, setCodeProvider } from '@/services/auth'
import { retryNow } from '@/services/sync'
import { draftsStore } from '@/store/drafts'
import { outboxStore } from '@/store/outbox'
import ReportForm from '@/report/form/index'
import ReportPage from '@/worker/report/index'
import { WORKER_ROUTES } from '@/worker/logic/nav'
import { createRouter, choose, pickRegion, type } from '../harness'
import { PAGES, signInAs, startWorld, tapId, textOf, wipe, waitFor, screen, act, VILLAGE_A, type World } from './world'

const SEEN = '这几天晚上看到两个孩子独自在家，没有大人'
let world: World
beforeAll(async () => {
  world = await startWorld()
  await world.account('village_worker', VILLAGE_A, 'maoping')
})
afterAll(() => world.close())

/** The wizard is not what is under test here: the route it is opened with, and the draft, are. */
function Wizard() {
  return <div id='wizard-stub' />
}

function boot(url: string) {
  const router = createRouter({ ...PAGES, [ROUTES.report]: ReportForm, [WORKER_ROUTES.report]: ReportPage, [ROUTES.wizard]: Wizard })
  const view = render(<router.App />)
  act(() => router.start(url))
  return { router, cleanup: () => (view.unmount(), router.restore()) }
}

test('typed with no signal: kept on the phone, sent once when the network returns, then only the receipt', async () => {
  wipe()
  const restoreCode = setCodeProvider(async () => 'device-report-neighbour')
  forgetSession()
  const app = boot(ROUTES.report)
  try {
    expect(textOf('report-emergency')).toContain('拨打 110 报警')
    // Nothing chosen: every missing answer named.
    tapId('report-send')
    await waitFor(() => expect(textOf('field-villageCode')).toContain('请选择孩子所在的村（社区）'))
    expect(textOf('field-seen')).toContain('请填写看到的情况')

    await pickRegion('villageCode', ['梅州市', '大埔县', '茶阳镇', '茅坪村委会'])
    choose('concern', '无人照料')
    await type('seen', SEEN)
    choose('reporter', '邻居/亲友')
    world.net.offline = true
    tapId('report-send')
    await waitFor(() => expect(textOf('report-outcome')).toContain('报告已保存在手机上'))
    const kept = Object.values(outboxStore.getState().items).filter((i) => i.kind === 'report')
    expect(kept).toHaveLength(1)
    expect(await world.t.app.db.selectFrom('reports').selectAll().execute()).toHaveLength(0)

    world.net.offline = false
    act(() => retryNow())
    await waitFor(() => expect(Object.values(outboxStore.getState().items).filter((i) => i.kind === 'report')).toHaveLength(0))
    const stored = await world.t.app.db.selectFrom('reports').selectAll().execute()
    expect(stored.map((r) => r.id)).toEqual([kept[0]!.id])
  } finally {
    app.cleanup()
  }
  // Back on the page: the receipt — number, time, 处理中 — and nothing of what was written.
  const again = boot(ROUTES.report)
  try {
    const id = (await world.t.app.db.selectFrom('reports').select('id').executeTakeFirstOrThrow()).id
    await waitFor(() => expect(textOf(`receipt-${id}`)).toMatch(/^BG\d{8}-[0-9A-F]{6}.*处理中$/))
    expect(textOf('report-receipts')).not.toContain('孩子')
  } finally {
    again.cleanup()
    restoreCode()
  }
})

test('the village worker: urgent on top with the hours left; 入户 stops the clock; 纳入登记 opens a draft in the village', async () => {
  wipe()
  const [report] = await world.t.app.db.selectFrom('reports').select('id').execute()
  const app = boot(WORKER_ROUTES.login)
  try {
    await signInAs('maoping')
    const row = await waitFor(() => {
      const el = document.getElementById(`report-${report!.id}`)
      if (!el) throw new Error('no report row')
      return el
    })
    expect(textOf('reports-heading')).toBe('待首次联系的报告 1 条')
    expect(row.textContent).toMatch(/无人照料紧急.*茅坪村委会.*距24小时首次联系时限还有2[34]小时/)
    act(() => row.click())
    await waitFor(() => expect(textOf('report-seen')).toBe(SEEN))
    expect(textOf('report-detail')).toContain('报告人身份：邻居/亲友')

    choose('action', '入户')
    await type('note', '已入户，孩子由邻居临时照看')
    tapId('report-action-save')
    await waitFor(() => expect(textOf('report-actions')).toContain('入户'))
    expect(textOf('report-clock')).toContain('首次处理')

    choose('action', '纳入登记')
    tapId('report-action-save')
    await waitFor(() => expect(app.router.top()?.path).toBe(ROUTES.wizard))
    const draftId = app.router.top()!.params.id!
    expect(draftsStore.getState().drafts[draftId]?.record.child?.residenceRegion).toBe(VILLAGE_A)
    const actions = await world.t.app.db.selectFrom('report_actions').select(['action', 'registration_id']).orderBy('at').execute()
    expect(actions).toEqual([
      { action: 'home_visit', registration_id: null },
      { action: 'register', registration_id: draftId },
    ])
    expect(screen.queryByText('正在加载…')).toBeNull()
  } finally {
    app.cleanup()
  }
})

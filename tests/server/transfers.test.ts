/**
 * 迁移 on both databases: a transfer to a village of another township is seen by both townships; the
 * receiving worker sees the record only once it has accepted and the sending one loses it then; on accept
 * the record's village, its 现住址, its 待复核 flag, its visits and the kept counts move, and its history goes with it;
 * a decline (with its reason) and a cancel leave the record where it was; bad targets and wrong hands are
 * refused with a reason; every step is a history event and an audit row.
 */
import { sql } from 'kysely'
import { runRecheck } from '../../server/src/services/recheck'
import { startTransfer } from '../../server/src/services/transfers'
import { BACKENDS, COUNTY, TOWNSHIP, VILLAGE_A, VILLAGE_B, fixture, startApp, uuid, type TestApp } from './helpers'

const HULIAO = '441422100' // 湖寮镇, another township of 大埔县
const CHENGBEI = '441422100001' // 湖寮镇城北社区居委会

describe.each(BACKENDS)('transfers (%s)', (backend) => {
  let t: TestApp
  let guardian: string
  const tok: Record<string, string> = {}
  beforeAll(async () => {
    t = await startApp(backend)
    guardian = await t.guardian()
    tok.maoping = await t.worker('village_worker', VILLAGE_A)
    tok.zuobi = await t.worker('village_worker', VILLAGE_B)
    tok.chengbei = await t.worker('village_worker', CHENGBEI)
    tok.chayang = await t.worker('township_supervisor', TOWNSHIP)
    tok.huliao = await t.worker('township_supervisor', HULIAO)
    tok.dabu = await t.worker('county_admin', COUNTY)
  })
  afterAll(() => t.close())

  const post = (token: string, path: string, body?: unknown) => t.req('POST', `/api/v1${path}`, { token, body })
  const get = (token: string, path: string) => t.req('GET', `/api/v1${path}`, { token })
  const opens = async (token: string, id: string) => (await get(token, `/registrations/${id}`)).statusCode

  /** A registration of 茅坪, confirmed by the chain. */
  async function confirmed() {
    const id = uuid()
    expect((await t.put(guardian, id, fixture())).statusCode).toBe(201)
    for (const [who, action] of [
      ['maoping', 'start_review'],
      ['maoping', 'verify'],
      ['chayang', 'approve'],
      ['dabu', 'confirm'],
    ]) {
      expect((await t.review(tok[who], id, { action })).statusCode).toBe(200)
    }
    return id
  }
  async function counts(village: string) {
    const r = await sql<{
      n: number | string
    }>`select coalesce(sum(n), 0) as n from registration_counts where village_code = ${village}`.execute(t.app.db)
    return Number(r.rows[0]!.n)
  }

  test('accept: the record, its 现住址, its flag, its visits and the counts move; both townships see the transfer; scoping follows', async () => {
    const id = await confirmed()
    await runRecheck(t.app, '2031-03-08') // the 16th birthday: on 茅坪's 待复核
    // A monthly visit by 茅坪's worker: it counts where the child lives, so it moves with the record.
    const visit = { date: '2026-03-02', method: 'home', conclusion: 'true', guardianshipAssessment: 'good' }
    expect((await t.review(tok.maoping, id, { action: 'record_visit', visit })).statusCode).toBe(200)
    const visitVillages = async () =>
      (await t.app.db.selectFrom('visits').select('village_code').where('registration_id', '=', id).execute()).map((v) => v.village_code)
    expect(await visitVillages()).toEqual([VILLAGE_A])
    const [fromBefore, toBefore] = [await counts(VILLAGE_A), await counts(CHENGBEI)]
    const started = await post(tok.maoping, `/registrations/${id}/transfer`, {
      toVillage: CHENGBEI,
      address: '城北路8号',
      note: '随母亲到县城居住',
    })
    expect(started.statusCode).toBe(200)
    const transfer = started.json()
    expect(transfer).toMatchObject({ state: 'pending', stateLabel: '待接收', childName: '陈*明', startedByRole: 'village_worker' })
    expect(transfer.to.name).toContain('城北社区')

    // Waiting: the receiving side lists the transfer but cannot open the record; both townships list it.
    expect(await opens(tok.chengbei, id)).toBe(404)
    expect(await opens(tok.maoping, id)).toBe(200)
    expect((await get(tok.chengbei, '/transfers')).json().incoming.map((x: any) => x.id)).toEqual([transfer.id])
    expect((await get(tok.chayang, '/transfers')).json().outgoing.map((x: any) => x.id)).toEqual([transfer.id])
    expect((await get(tok.huliao, '/transfers')).json().incoming.map((x: any) => x.id)).toEqual([transfer.id])
    expect((await get(tok.zuobi, '/transfers')).json()).toEqual({ incoming: [], outgoing: [] })
    const listed = JSON.stringify((await get(tok.chengbei, '/transfers')).json())
    expect(listed).not.toContain('陈小明')

    const accepted = await post(tok.chengbei, `/transfers/${transfer.id}/accept`)
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json()).toMatchObject({ state: 'accepted', stateLabel: '已接收' })
    expect(await opens(tok.chengbei, id)).toBe(200)
    expect(await opens(tok.maoping, id)).toBe(404)
    expect(await opens(tok.chayang, id)).toBe(404)
    expect(await opens(tok.huliao, id)).toBe(200)
    const view = (await get(tok.chengbei, `/registrations/${id}`)).json()
    expect(view).toMatchObject({ status: 'confirmed' })
    expect(JSON.stringify(view)).toContain('城北路8号')
    expect(JSON.stringify(view)).toContain(CHENGBEI)
    // The 待复核 flag and the visit went with it; the counts moved by one.
    expect(await visitVillages()).toEqual([CHENGBEI])
    expect((await get(tok.chengbei, '/review/rechecks')).json().items.map((x: any) => x.id)).toEqual([id])
    expect((await get(tok.maoping, '/review/rechecks')).json().items).toEqual([])
    expect([await counts(VILLAGE_A), await counts(CHENGBEI)]).toEqual([fromBefore - 1, toBefore + 1])
    expect((await get(tok.huliao, '/stats')).json().transfers).toMatchObject({ in: 1, out: 0 })
    expect((await get(tok.chayang, '/stats')).json().transfers.byVillage).toEqual([
      expect.objectContaining({ code: VILLAGE_A, in: 0, out: 1, pendingIn: 0 }),
    ])

    // The history moved too: the receiving worker reads every step, the guardian reads it without names.
    const history = (await get(tok.chengbei, `/registrations/${id}/history`)).json().items
    expect(history.slice(-2).map((e: any) => e.actionLabel)).toEqual(['发起迁移', '接收迁入'])
    expect(history.at(-1).transfer.to.code).toBe(CHENGBEI)
    expect(history[0].action).toBe('submit')
    const own = (await get(guardian, `/registrations/${id}/history`)).json().items
    expect(own.every((e: any) => e.actor.name === null)).toBe(true)
    const audits = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'region_code'])
      .where('target_id', '=', id)
      .where('action', 'like', 'transfer_%')
      .execute()
    expect(audits.map((a) => `${a.action} ${a.region_code}`).sort()).toEqual(
      [`transfer_accept ${CHENGBEI}`, `transfer_accept ${VILLAGE_A}`, `transfer_start ${CHENGBEI}`, `transfer_start ${VILLAGE_A}`].sort(),
    )
  })

  test('decline with a reason, and cancel: the record stays; the reason reaches the sender', async () => {
    const id = await confirmed()
    const first = (await post(tok.maoping, `/registrations/${id}/transfer`, { toVillage: VILLAGE_B })).json()
    expect((await post(tok.maoping, `/registrations/${id}/transfer`, { toVillage: CHENGBEI })).json().error.code).toBe('transfer_pending')
    expect((await post(tok.zuobi, `/transfers/${first.id}/decline`, {})).statusCode).toBe(400)
    const declined = await post(tok.zuobi, `/transfers/${first.id}/decline`, { reason: '家庭仍住茅坪，未迁来' })
    expect(declined.json()).toMatchObject({ state: 'declined', declineReason: '家庭仍住茅坪，未迁来' })
    expect((await post(tok.zuobi, `/transfers/${first.id}/accept`)).json().error.code).toBe('transfer_settled')
    expect(await opens(tok.maoping, id)).toBe(200)
    expect(await opens(tok.zuobi, id)).toBe(404)
    const out = (await get(tok.maoping, '/transfers')).json().outgoing.find((x: any) => x.id === first.id)
    expect(out.declineReason).toBe('家庭仍住茅坪，未迁来')

    const second = (await post(tok.maoping, `/registrations/${id}/transfer`, { toVillage: VILLAGE_B })).json()
    expect((await post(tok.zuobi, `/transfers/${second.id}/cancel`)).statusCode).toBe(403)
    expect((await post(tok.maoping, `/transfers/${second.id}/cancel`)).json()).toMatchObject({ state: 'cancelled' })
    expect((await post(tok.zuobi, `/transfers/${second.id}/accept`)).statusCode).toBe(409)
    const history = (await get(tok.maoping, `/registrations/${id}/history`)).json().items
    expect(history.slice(-4).map((e: any) => e.actionLabel)).toEqual(['发起迁移', '拒绝迁入', '发起迁移', '撤回迁移'])
    expect(history.at(-3).reason).toBe('家庭仍住茅坪，未迁来')
  })

  test('refused with a reason: a village that does not exist, the same village, the sending worker accepting, a township starting', async () => {
    const id = await confirmed()
    const to = (toVillage: string) => post(tok.maoping, `/registrations/${id}/transfer`, { toVillage })
    const nowhere = await to('441422101299')
    expect(nowhere.statusCode).toBe(400)
    expect(nowhere.json().error.message).toContain('不存在')
    expect((await to('4414221012')).statusCode).toBe(400)
    const same = await to(VILLAGE_A)
    expect(same.statusCode).toBe(400)
    expect(same.json().error.message).toContain('就是现在的村')
    expect((await post(tok.chayang, `/registrations/${id}/transfer`, { toVillage: VILLAGE_B })).statusCode).toBe(403)
    expect((await post(tok.zuobi, `/registrations/${id}/transfer`, { toVillage: VILLAGE_B })).statusCode).toBe(404)
    const transfer = (await to(VILLAGE_B)).json()
    const own = await post(tok.maoping, `/transfers/${transfer.id}/accept`)
    expect(own.statusCode).toBe(403)
    expect(own.json().error.message).toContain('迁入村')
    expect((await post(tok.chengbei, `/transfers/${transfer.id}/accept`)).statusCode).toBe(404)
    expect((await post(tok.maoping, `/transfers/${uuid()}/accept`)).statusCode).toBe(404)
  })

  test('the guardian as initiator (the quarterly update of 现住址): startTransfer on their own record only', async () => {
    const id = await confirmed()
    const me = (await get(guardian, '/auth/me')).json()
    const actor = {
      id: me.user?.id ?? me.id,
      role: 'guardian' as const,
      regionCode: null,
      username: null,
      displayName: null,
      mustChangePassword: false,
    }
    const item = await startTransfer(t.app, actor, id, { toVillage: VILLAGE_B, address: '左弼村下屋3号' })
    expect(item).toMatchObject({ state: 'pending', startedByRole: 'guardian' })
    await expect(startTransfer(t.app, { ...actor, id: uuid() }, id, { toVillage: VILLAGE_B })).rejects.toMatchObject({ statusCode: 404 })
    const accepted = await post(tok.zuobi, `/transfers/${item.id}/accept`)
    expect(accepted.statusCode).toBe(200)
    expect(JSON.stringify((await get(guardian, `/registrations/${id}`)).json())).toContain('左弼村下屋3号')
  })
})

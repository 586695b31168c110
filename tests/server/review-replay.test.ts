/**
 * Review actions sent from a phone's outbox carry a request id: a resend after a lost answer is answered
 * with the record as it is and not applied twice — one home visit, one history event — even when the
 * resend names a version that the first send already moved on from.
 */
import { BACKENDS, VILLAGE_A, fixture, startApp, uuid, type TestApp } from './helpers'

const visit = { date: '2026-11-20', method: 'home', conclusion: 'true', guardianshipAssessment: 'good', notes: '祖母在家' }

describe.each(BACKENDS)('review replay (%s)', (backend) => {
  let t: TestApp
  let village: string
  let other: string
  let guardian: string
  beforeAll(async () => {
    t = await startApp(backend)
    guardian = await t.guardian()
    village = await t.worker('village_worker', VILLAGE_A)
    other = await t.worker('village_worker', VILLAGE_A)
  })
  afterAll(() => t.close())

  const submitted = async () => {
    const id = uuid()
    expect((await t.put(guardian, id, fixture())).statusCode).toBe(201)
    return id
  }
  const events = async (id: string) => (await t.req('GET', `/api/v1/registrations/${id}/history`, { token: village })).json().items

  test('a visit sent three times is recorded once', async () => {
    const id = await submitted()
    const requestId = uuid()
    const answers = []
    for (let i = 0; i < 3; i++) answers.push(await t.review(village, id, { action: 'record_visit', visit, requestId }))
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200])
    expect(answers.map((a) => a.json().version)).toEqual([2, 2, 2])
    expect((await events(id)).filter((e: any) => e.action === 'record_visit')).toHaveLength(1)
    // A new visit (another id) is a new event.
    expect((await t.review(village, id, { action: 'record_visit', visit, requestId: uuid() })).json().version).toBe(3)
  })

  test('a resend of a status change with its old version is answered, not refused as stale', async () => {
    const id = await submitted()
    const body = { action: 'start_review', version: 1, requestId: uuid() }
    expect((await t.review(village, id, body)).json()).toMatchObject({ status: 'village_review', version: 2 })
    expect((await t.review(village, id, body)).json()).toMatchObject({ status: 'village_review', version: 2 })
    expect((await t.review(village, id, { ...body, requestId: uuid() })).statusCode).toBe(409)
  })

  test('the same request id from another worker, or for another action, is refused; a malformed one is 400', async () => {
    const id = await submitted()
    const requestId = uuid()
    await t.review(village, id, { action: 'record_visit', visit, requestId })
    const taken = await t.review(other, id, { action: 'record_visit', visit, requestId })
    expect(taken.statusCode).toBe(409)
    expect(taken.json().error.code).toBe('id_taken')
    expect((await t.review(village, id, { action: 'start_review', requestId })).statusCode).toBe(409)
    expect((await t.review(village, id, { action: 'record_visit', visit, requestId: 'not-a-uuid' })).statusCode).toBe(400)
  })

  test('concurrent resends of one visit write one event', async () => {
    const id = await submitted()
    const requestId = uuid()
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.review(village, id, { action: 'record_visit', visit, requestId })))
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200))
    expect((await events(id)).filter((e: any) => e.action === 'record_visit')).toHaveLength(1)
  })
})

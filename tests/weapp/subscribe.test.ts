/**
 * The subscription request at submission, on the compiled weapp build: 提交 on the review step asks WeChat's
 * dialog (wx.requestSubscribeMessage) for the status template the server named at sign-in, keeps what the
 * guardian accepted in the outbox for POST /api/v1/me/subscriptions, and only then opens the done page.
 * Run `npm run build:weapp` first.
 */
import { byId, closeAll, navigations, openPage, settle, storage } from './harness'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const TEMPLATE = 'status-template-smoke'
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'registrations', `${name}.json`), 'utf8'))
const DRAFT_ID = '6f1c2a9e-4b7d-4c1e-9a3f-2d8b7e6c5a41'

type Options = { tmplIds?: string[]; success?: (r: unknown) => void; complete?: (r: unknown) => void }
const asked: string[][] = []
const g = globalThis as unknown as { wx: Record<string, unknown> }

afterEach(closeAll)

test('提交 asks for the status template, and what the guardian accepted waits in the outbox for the server', async () => {
  // A guardian who signed in before (the server named the template) and filled in every step.
  const now = new Date().toISOString()
  const { schemaVersion: _v, consent: _c, ...record } = fixture('left-behind')
  storage.set(
    'hutong:session',
    JSON.stringify({ token: 't', expiresAt: new Date(Date.now() + 86400_000).toISOString(), userId: 'u1', templates: [TEMPLATE] }),
  )
  storage.set('hutong:drafts', JSON.stringify({ v: 1, ids: [DRAFT_ID], lastId: DRAFT_ID }))
  storage.set(`hutong:draft:${DRAFT_ID}`, JSON.stringify({ id: DRAFT_ID, record, step: 'consent', createdAt: now, updatedAt: now }))
  g.wx.requestSubscribeMessage = (o: Options) => {
    asked.push(o.tmplIds ?? [])
    const answer = { errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'accept' }
    Promise.resolve().then(() => {
      o.success?.(answer)
      o.complete?.(answer)
    })
  }

  const { page } = await openPage('register/wizard/index', { id: DRAFT_ID })
  expect(page.dom?.textContent).toContain('点“允许”')
  byId(page, 'consent-checkbox')!.dispatchEvent('tap')
  await settle(200)
  const before = navigations.length
  byId(page, 'submit')!.dispatchEvent('tap')
  await settle(50)

  expect(asked).toEqual([[TEMPLATE]])
  const outbox = [...storage.entries()].filter(([k]) => k.startsWith('hutong:outbox:')).map(([, v]) => JSON.parse(String(v)))
  expect(outbox).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ id: DRAFT_ID, kind: 'registration' }),
      expect.objectContaining({ kind: 'subscription', record: { accepted: [TEMPLATE] } }),
    ]),
  )
  expect(navigations.slice(before).map((n) => n.url)).toContainEqual(expect.stringMatching(/^\/register\/done\/index\?id=/))
})

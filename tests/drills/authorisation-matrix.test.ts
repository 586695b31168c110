/**
 * Drill 4 — the authorisation matrix, against the real server process: every role × every endpoint, the
 * expected answer written out by hand below (not derived from the server's code). The record under test
 * belongs to the owner and lives in 茅坪 (441422101200), 茶阳镇 (441422101), 大埔县 (441422). Each cell that
 * changes something gets a record of its own in the state the action needs (edit: returned; withdraw and
 * start_review: submitted; approve: verified; confirm: township_approved; the steps of 终止: confirmed,
 * termination_proposed, termination_agreed — return_proposed / return_agreed send return_termination to
 * either), so the answer shows the authorisation alone (a 409: the role may act, but not at that step).
 * get_terminated opens an ended record: readable at every level above it, as before. "sees" / "blind": 200, and the answer holds the record (or the village's rows) / holds none.
 * City and province administrators read counts and the roster only; administrators manage the accounts of
 * the level below inside their own region (docs/accounts.md), each account cell on an account of its own.
 */
import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { BACKENDS } from '../server/helpers'
import { drillDatabase, type DrillDatabase } from './support/database'
import { client, guardianToken, type Client } from './support/http'
import { freshRecord, prng } from './support/records'
import { startServer, type ServerProcess } from './support/server-process'

// 15 actors × 28 endpoints, each account cell on a fresh account (one scrypt hash each): minutes on a loaded machine.
jest.setTimeout(240_000)
type Cell = number | 'sees' | 'blind'
const ENDPOINTS = [
  'list',
  'get',
  'reveal',
  'history',
  'edit',
  'withdraw',
  'start_review',
  'approve',
  'confirm',
  'queue',
  'stats',
  'export',
  'regions',
  'print',
  'application',
  'access',
  'subscribe',
  'propose_termination',
  'agree_termination',
  'terminate',
  'return_proposed',
  'return_agreed',
  'get_terminated',
  'rechecks',
  'keep_after_recheck',
  'record_visit_confirmed',
  'visits_due',
  'visits_completion',
] as const
type Endpoint = (typeof ENDPOINTS)[number]

// The matrix reads as a table: one row per actor, one column per endpoint. Records (first table) and
// accounts (second table); the account columns act on an account of the level below the caller, inside
// 大埔县 / 梅州市 (services/accounts.ts): a village worker of 茅坪 for the county level, the 大埔县
// administrator for the city level, the 梅州市 administrator for the province level.
// prettier-ignore
const RECORDS: Record<string, Cell[]> = {
  //                          list     get  reveal history edit withdraw start  approve confirm queue    stats    export   regions print application access subscribe propose agree term ret_p ret_a ended rchk keep visit due     completion
  'guardian (owner)':        ['sees',  200, 403,    200,    200, 200,     403,   403,    403,    403,     403,     403,     200, 403, 403,        200, 200, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403],
  'other guardian':          ['blind', 404, 403,    404,    409, 404,     403,   403,    403,    403,     403,     403,     200, 403, 403,        404, 200, 403, 403, 403, 403, 403, 404, 403, 403, 403, 403, 403],
  'village worker, 茅坪':     [403,     200, 200,    200,    403, 403,     200,   403,    403,    'sees',  'sees',  'sees',  200, 200, 409,        403, 403, 200, 403, 403, 403, 403, 200, 200, 409, 200, 'sees',  403],
  'village worker, 左弼':     [403,     404, 404,    404,    403, 403,     404,   404,    404,    'blind', 'blind', 'blind', 200, 404, 404,        403, 403, 404, 404, 404, 404, 404, 404, 200, 404, 404, 'blind', 403],
  'township, 茶阳镇':         [403,     200, 200,    200,    403, 403,     403,   200,    403,    'sees',  'sees',  'sees',  200, 200, 409,        403, 403, 403, 200, 403, 200, 409, 200, 200, 403, 403, 403,     'sees'],
  'township, 湖寮镇':         [403,     404, 404,    404,    403, 403,     404,   404,    404,    'blind', 'blind', 'blind', 200, 404, 404,        403, 403, 404, 404, 404, 404, 404, 404, 200, 404, 404, 403,     'blind'],
  'county, 大埔县':           [403,     200, 200,    200,    403, 403,     403,   403,    200,    'sees',  'sees',  'sees',  200, 200, 409,        200, 403, 403, 403, 200, 409, 200, 200, 200, 403, 403, 403,     'sees'],
  'county, 梅县区':           [403,     404, 404,    404,    403, 403,     404,   404,    404,    'blind', 'blind', 'blind', 200, 404, 404,        404, 403, 404, 404, 404, 404, 404, 404, 200, 404, 404, 403,     'blind'],
  'city, 梅州市':             [403,     403, 403,    403,    403, 403,     403,   403,    403,    403,     'sees',  'sees',  200, 403, 403,        403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,     'sees'],
  'city, 广州市':             [403,     403, 403,    403,    403, 403,     403,   403,    403,    403,     'blind', 'blind', 200, 403, 403,        403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,     'blind'],
  'province, 广东省':         [403,     403, 403,    403,    403, 403,     403,   403,    403,    403,     'sees',  'sees',  200, 403, 403,        403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,     'sees'],
  'province, 广西':           [403,     403, 403,    403,    403, 403,     403,   403,    403,    403,     'blind', 'blind', 200, 403, 403,        403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,     'blind'],
  'worker without region':   [403,     404, 404,    404,    403, 403,     404,   404,    404,    'blind', 403,     403,     200, 404, 404,        403, 403, 404, 404, 404, 404, 404, 404, 200, 404, 404, 'blind', 403],
  'disabled worker, 茅坪':    [401,     401, 401,    401,    401, 401,     401,   401,    401,    401,     401,     401,     200, 401, 401,        401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401,     401],
  'no token':                [401,     401, 401,    401,    401, 401,     401,   401,    401,    401,     401,     401,     200, 401, 401,        401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401,     401],
}
// "password": changing one's own password with a wrong current one (400: the caller got past authorisation).
// prettier-ignore
const ACCOUNTS: Record<string, Cell[]> = {
  //                          accounts create disable enable reset move password
  'guardian (owner)':        [403,     403,   403,    403,   403,  403, 403],
  'other guardian':          [403,     403,   403,    403,   403,  403, 403],
  'village worker, 茅坪':     [403,     403,   403,    403,   403,  403, 400],
  'village worker, 左弼':     [403,     403,   403,    403,   403,  403, 400],
  'township, 茶阳镇':         [403,     403,   403,    403,   403,  403, 400],
  'township, 湖寮镇':         [403,     403,   403,    403,   403,  403, 400],
  'county, 大埔县':           ['sees',  201,   200,    200,   200,  200, 400],
  'county, 梅县区':           ['blind', 400,   404,    404,   404,  404, 400],
  'city, 梅州市':             ['sees',  201,   200,    200,   200,  200, 400],
  'city, 广州市':             ['blind', 400,   404,    404,   404,  404, 400],
  'province, 广东省':         ['sees',  201,   200,    200,   200,  200, 400],
  'province, 广西':           ['blind', 400,   404,    404,   404,  404, 400],
  'worker without region':   [403,     403,   403,    403,   403,  403, 400],
  'disabled worker, 茅坪':    [401,     401,   401,    401,   401,  401, 401],
  'no token':                [401,     401,   401,    401,   401,  401, 401],
}
const ACCOUNT_ENDPOINTS = ['accounts', 'create', 'disable', 'enable', 'reset', 'move', 'password'] as const
type AccountEndpoint = (typeof ACCOUNT_ENDPOINTS)[number]
// 动态更新 (docs/lifecycle.md, "Quarterly updates"): the guardian's answer on a confirmed record (没有变化, a change),
// the steps of a change (each on a record waiting at that step; return_update on one at the township, so the
// village and the county answer 409: they may return a change, not at that step), and the quarter's completion
// ("sees": the 茅坪 record is in it — the village's list of who has not answered, or the villages' counts).
// prettier-ignore
const QUARTERLY: Record<string, Cell[]> = {
  //                          unchanged change verify_u approve_u accept_u return_u progress
  'guardian (owner)':        [201,      201,   403,     403,      403,     403,     403],
  'other guardian':          [404,      404,   403,     403,      403,     403,     403],
  'village worker, 茅坪':     [403,      403,   200,     403,      403,     409,     'sees'],
  'village worker, 左弼':     [403,      403,   404,     404,      404,     404,     'blind'],
  'township, 茶阳镇':         [403,      403,   403,     200,      403,     200,     'sees'],
  'township, 湖寮镇':         [403,      403,   404,     404,      404,     404,     'blind'],
  'county, 大埔县':           [403,      403,   403,     403,      200,     409,     'sees'],
  'county, 梅县区':           [403,      403,   404,     404,      404,     404,     'blind'],
  'city, 梅州市':             [403,      403,   403,     403,      403,     403,     403],
  'city, 广州市':             [403,      403,   403,     403,      403,     403,     403],
  'province, 广东省':         [403,      403,   403,     403,      403,     403,     403],
  'province, 广西':           [403,      403,   403,     403,      403,     403,     403],
  'worker without region':   [403,      403,   404,     404,      404,     404,     403],
  'disabled worker, 茅坪':    [401,      401,   401,     401,      401,     401,     401],
  'no token':                [401,      401,   401,     401,      401,     401,     401],
}
const QUARTERLY_ENDPOINTS = [
  'quarterly_unchanged',
  'quarterly_change',
  'verify_update',
  'approve_update',
  'accept_update',
  'return_update',
  'quarterly_progress',
] as const
type QuarterlyEndpoint = (typeof QUARTERLY_ENDPOINTS)[number]
// Reports of a child at risk, sent by the owner about a child of 茅坪: anyone signed in sends one (report) and
// reads their own receipts (mine: the owner's report is in the owner's list only); the workers of 茅坪's
// region read the list, open one and record an action (act: on a fresh report each); nobody else sees it.
// prettier-ignore
const REPORTS: Record<string, Cell[]> = {
  //                          report mine     list     open act
  'guardian (owner)':        [201,   'sees',  403,     403, 403],
  'other guardian':          [201,   'blind', 403,     403, 403],
  'village worker, 茅坪':     [201,   'blind', 'sees',  200, 200],
  'village worker, 左弼':     [201,   'blind', 'blind', 404, 404],
  'township, 茶阳镇':         [201,   'blind', 'sees',  200, 200],
  'township, 湖寮镇':         [201,   'blind', 'blind', 404, 404],
  'county, 大埔县':           [201,   'blind', 'sees',  200, 200],
  'county, 梅县区':           [201,   'blind', 'blind', 404, 404],
  'city, 梅州市':             [403,   403,     403,     403, 403],
  'city, 广州市':             [403,   403,     403,     403, 403],
  'province, 广东省':         [403,   403,     403,     403, 403],
  'province, 广西':           [403,   403,     403,     403, 403],
  'worker without region':   [201,   'blind', 'blind', 404, 404],
  'disabled worker, 茅坪':    [401,   401,     401,     401, 401],
  'no token':                [401,   401,     401,     401, 401],
}
const REPORT_ENDPOINTS = ['report', 'mine', 'report_list', 'report_open', 'report_act'] as const
type ReportEndpoint = (typeof REPORT_ENDPOINTS)[number]
// 迁移 (docs/lifecycle.md, "Transfers"), each cell on a record of its own: start sends a confirmed 茅坪 record
// to 左弼; accept, decline and cancel act on a transfer 茅坪 → 左弼 waiting; "transfers" lists a region's
// transfers (sees: it holds the waiting one). Only the receiving village's worker accepts or declines, only
// the sending one starts or cancels; the rest of the region reads (403 where it may see the transfer, 404
// where it may not), and city and province administrators have no single records at all.
// prettier-ignore
const TRANSFERS: Record<string, Cell[]> = {
  //                          start transfers accept decline cancel
  'guardian (owner)':        [403,  403,      403,   403,    403],
  'other guardian':          [403,  403,      403,   403,    403],
  'village worker, 茅坪':     [200,  'sees',   403,   403,    200],
  'village worker, 左弼':     [404,  'sees',   200,   200,    403],
  'township, 茶阳镇':         [403,  'sees',   403,   403,    403],
  'township, 湖寮镇':         [404,  'blind',  404,   404,    404],
  'county, 大埔县':           [403,  'sees',   403,   403,    403],
  'county, 梅县区':           [404,  'blind',  404,   404,    404],
  'city, 梅州市':             [403,  403,      403,   403,    403],
  'city, 广州市':             [403,  403,      403,   403,    403],
  'province, 广东省':         [403,  403,      403,   403,    403],
  'province, 广西':           [403,  403,      403,   403,    403],
  'worker without region':   [404,  'blind',  404,   404,    404],
  'disabled worker, 茅坪':    [401,  401,      401,   401,    401],
  'no token':                [401,  401,      401,   401,    401],
}
const TRANSFER_ENDPOINTS = ['transfer_start', 'transfers', 'transfer_accept', 'transfer_decline', 'transfer_cancel'] as const
type TransferEndpoint = (typeof TRANSFER_ENDPOINTS)[number]
const MATRIX: Record<string, Cell[]> = Object.fromEntries(
  Object.entries(RECORDS).map(([k, v]) => [k, [...v, ...ACCOUNTS[k], ...QUARTERLY[k], ...REPORTS[k], ...TRANSFERS[k]]]),
)

type StaffRole = 'village_worker' | 'township_supervisor' | 'county_admin' | 'city_admin' | 'province_admin'
const WORKERS: [string, StaffRole, string | null][] = [
  ['village worker, 茅坪', 'village_worker', '441422101200'],
  ['village worker, 左弼', 'village_worker', '441422101201'],
  ['township, 茶阳镇', 'township_supervisor', '441422101'],
  ['township, 湖寮镇', 'township_supervisor', '441422100'],
  ['county, 大埔县', 'county_admin', '441422'],
  ['county, 梅县区', 'county_admin', '441421'],
  ['city, 梅州市', 'city_admin', '4414'],
  ['city, 广州市', 'city_admin', '4401'],
  ['province, 广东省', 'province_admin', '44'],
  ['province, 广西', 'province_admin', '45'],
  ['worker without region', 'village_worker', null],
  ['disabled worker, 茅坪', 'village_worker', '441422101200'],
]
/** The account each level acts on (in the record's county, city and province), what it creates, and where it moves one. */
const TARGET: Record<'county' | 'city' | 'province', { role: StaffRole; region: string; moveTo: string }> = {
  county: { role: 'village_worker', region: '441422101200', moveTo: '441422101201' },
  city: { role: 'county_admin', region: '441422', moveTo: '441403' },
  province: { role: 'city_admin', region: '4414', moveTo: '4401' },
}
const levelOf = (role: string | undefined) => (role === 'city_admin' ? 'city' : role === 'province_admin' ? 'province' : 'county')

describe.each(BACKENDS)('authorisation matrix (%s)', (backend) => {
  let db: DrillDatabase
  let server: ServerProcess
  let http: Client
  beforeAll(async () => {
    db = await drillDatabase(backend)
    server = await startServer({
      ...db,
      env: { HUTONG_LOGIN_RATE_MAX: '100', HUTONG_REPORTS_PER_HOUR: '100', HUTONG_REPORTS_PER_VILLAGE_PER_HOUR: '100' },
    })
    http = client(server.url, 8)
  })
  afterAll(async () => {
    http?.close()
    await server?.stop()
    await db?.drop()
  })

  test('every role × every endpoint answers as the table says', async () => {
    const rand = prng(4)
    const tokens: Record<string, string | undefined> = {
      'guardian (owner)': await guardianToken(http, 'drill-matrix-owner'),
      'other guardian': await guardianToken(http, 'drill-matrix-other'),
      'no token': undefined,
    }
    for (const [i, [role, kind, region]] of WORKERS.entries()) {
      await db.addWorker(`matrix-${i}`, kind, region, 'matrix-password')
      const res = await http.json('POST', '/api/v1/auth/worker-login', undefined, { username: `matrix-${i}`, password: 'matrix-password' })
      tokens[role] = JSON.parse(res.text).token
    }
    await db.disableWorker(`matrix-${WORKERS.length - 1}`)
    const owner = tokens['guardian (owner)']!
    const [village, township, county] = [tokens['village worker, 茅坪']!, tokens['township, 茶阳镇']!, tokens['county, 大埔县']!]
    const ok = async (res: Promise<{ status: number; text: string }>) => {
      const r = await res
      if (r.status >= 300) throw new Error(`set-up step failed: ${r.status} ${r.text}`)
      return JSON.parse(r.text)
    }
    const act = (token: string, id: string, body: object) => ok(http.json('POST', `/api/v1/registrations/${id}/review`, token, body))
    /** A new registration of the owner's, brought to the state a cell needs by the 茅坪 worker and the 茶阳 supervisor. */
    type State =
      | 'submitted'
      | 'returned'
      | 'verified'
      | 'township_approved'
      | 'confirmed'
      | 'termination_proposed'
      | 'termination_agreed'
      | 'terminated'
      | 'update_village'
      | 'update_township'
      | 'update_county'
    const LATER: State[] = ['township_approved', 'confirmed', 'termination_proposed', 'termination_agreed', 'terminated']
    async function recordIn(state: State) {
      const id = randomUUID()
      const record = freshRecord(rand, 'left-behind')
      await ok(http.json('PUT', `/api/v1/registrations/${id}`, owner, record))
      if (state === 'returned') await act(village, id, { action: 'return', reason: '地址不全', fields: ['child.residenceAddress'] })
      if (state === 'verified' || LATER.includes(state)) {
        await act(village, id, { action: 'start_review' })
        await act(village, id, { action: 'verify' })
      }
      const reached = LATER.indexOf(state)
      if (reached >= 0) await act(township, id, { action: 'approve' })
      if (reached >= 1) await act(county, id, { action: 'confirm' })
      if (reached >= 2) await act(village, id, { action: 'propose_termination', termination: { reason: 'age' } })
      if (reached >= 3) await act(township, id, { action: 'agree_termination' })
      if (reached >= 4) await act(county, id, { action: 'terminate' })
      if (state.startsWith('update_')) {
        await act(village, id, { action: 'start_review' })
        await act(village, id, { action: 'verify' })
        await act(township, id, { action: 'approve' })
        await act(county, id, { action: 'confirm' })
        const change = { ...record, child: { ...record.child, residenceAddress: `${record.child.residenceAddress}（新址）` } }
        await ok(http.json('POST', `/api/v1/registrations/${id}/quarterly`, owner, { record: change, baseVersion: 5 }))
        if (state !== 'update_village') await act(village, id, { action: 'verify_update' })
        if (state === 'update_county') await act(township, id, { action: 'approve_update' })
      }
      return { id, record }
    }
    const base = await recordIn('submitted')
    const ended = await recordIn('terminated')
    // Monthly visits: a supported record of 茅坪, on its village worker's 本月待走访 list.
    const supported = await recordIn('confirmed')
    const due = await recordIn('confirmed')

    let accountSeq = 0
    let phoneSeq = 13900000000
    /** A fresh account of the level below the caller's, so each account cell starts from the same state. */
    async function targetFor(role: string | undefined) {
      const target = TARGET[levelOf(role)]
      const username = `matrix-target-${++accountSeq}`
      await db.addWorker(username, target.role, target.region, 'matrix-password')
      const [{ id }] = await db.rows<{ id: string }>('select id from users where username = ?', username)
      return { id, ...target }
    }
    const roleOf: Record<string, StaffRole | undefined> = Object.fromEntries(WORKERS.map(([name, role]) => [name, role]))
    const baseTargets = {
      county: await targetFor('county_admin'),
      city: await targetFor('city_admin'),
      province: await targetFor('province_admin'),
    }

    const accountCell = async (name: string, token: string | undefined, endpoint: AccountEndpoint): Promise<Cell> => {
      const role = roleOf[name]
      const post = async (path: string, body?: object) => (await http.json('POST', `/api/v1${path}`, token, body)).status
      switch (endpoint) {
        case 'accounts': {
          const res = await http.json('GET', '/api/v1/accounts', token)
          if (res.status !== 200) return res.status
          const ids = JSON.parse(res.text).items.map((i: { id: string }) => i.id)
          return ids.includes(baseTargets[levelOf(role)].id) ? 'sees' : ids.length === 0 ? 'blind' : 500
        }
        case 'create': {
          const { role: newRole, region } = TARGET[levelOf(role)]
          return post('/accounts', { displayName: '新账号', phone: String(++phoneSeq), role: newRole, regionCode: region })
        }
        case 'disable':
        case 'enable':
        case 'reset':
          return post(`/accounts/${(await targetFor(role)).id}/${endpoint === 'reset' ? 'reset-password' : endpoint}`)
        case 'move': {
          const target = await targetFor(role)
          return (await http.json('POST', `/api/v1/accounts/${target.id}/edit`, token, { regionCode: target.moveTo })).status
        }
        case 'password':
          return post('/auth/password', { currentPassword: 'not-the-password', newPassword: 'Another-pass-2026' })
      }
    }

    const cell = async (token: string | undefined, endpoint: Endpoint): Promise<Cell> => {
      const get = (path: string) => http.json('GET', `/api/v1${path}`, token)
      const seen = (status: number, holds: boolean, empty: boolean): Cell =>
        status !== 200 ? status : holds ? 'sees' : empty ? 'blind' : 500
      switch (endpoint) {
        case 'list': {
          const res = await get('/registrations')
          const ids = res.status === 200 ? JSON.parse(res.text).items.map((i: { id: string }) => i.id) : []
          return seen(res.status, ids.includes(base.id), ids.length === 0)
        }
        case 'get':
          return (await get(`/registrations/${base.id}`)).status
        case 'reveal':
          return (await http.json('POST', `/api/v1/registrations/${base.id}/reveal`, token, { field: 'child.idNumber' })).status
        case 'history':
          return (await get(`/registrations/${base.id}/history`)).status
        case 'edit': {
          const { id, record } = await recordIn('returned')
          const edited = { ...record, child: { ...record.child, residenceAddress: `${record.child.residenceAddress}（东侧）` } }
          return (await http.json('PUT', `/api/v1/registrations/${id}`, token, { record: edited, baseVersion: 2 })).status
        }
        case 'withdraw':
          return (await http.json('POST', `/api/v1/registrations/${(await recordIn('submitted')).id}/withdraw`, token)).status
        case 'start_review':
        case 'approve':
        case 'confirm': {
          const before = { start_review: 'submitted', approve: 'verified', confirm: 'township_approved' } as const
          const { id } = await recordIn(before[endpoint])
          return (await http.json('POST', `/api/v1/registrations/${id}/review`, token, { action: endpoint })).status
        }
        case 'queue': {
          // Every page: the cells before this one have added records to the region (more than one page's worth).
          const items: string[] = []
          let res = await get('/review/queue?status=all&limit=100')
          for (;;) {
            if (res.status !== 200) break
            const page = JSON.parse(res.text)
            items.push(...page.items.map((i: { id: string }) => i.id))
            if (!page.nextCursor) break
            res = await get(`/review/queue?status=all&limit=100&cursor=${encodeURIComponent(page.nextCursor)}`)
          }
          return seen(res.status, items.includes(base.id), items.length === 0)
        }
        case 'stats': {
          const res = await get('/stats')
          const total = res.status === 200 ? JSON.parse(res.text).total : -1
          return seen(res.status, total > 0, total === 0)
        }
        case 'export': {
          const res = await http.send({
            method: 'GET',
            path: '/api/v1/export.xlsx',
            headers: token ? { authorization: `Bearer ${token}` } : {},
          })
          if (res.status !== 200) return res.status
          const wb = new ExcelJS.Workbook()
          await wb.xlsx.load(res.raw as never)
          // Children's rows: those numbered in the first column of the village sheets (not the summary's).
          const rows = wb.worksheets
            .filter((ws) => ws.name !== '汇总')
            .reduce((n, ws) => n + ws.getColumn(1).values.filter((v, r) => r >= 6 && typeof v === 'number').length, 0)
          return seen(200, rows > 0, rows === 0)
        }
        case 'propose_termination':
        case 'agree_termination':
        case 'terminate': {
          const before = {
            propose_termination: 'confirmed',
            agree_termination: 'termination_proposed',
            terminate: 'termination_agreed',
          } as const
          const { id } = await recordIn(before[endpoint])
          const body = endpoint === 'propose_termination' ? { action: endpoint, termination: { reason: 'age' } } : { action: endpoint }
          return (await http.json('POST', `/api/v1/registrations/${id}/review`, token, body)).status
        }
        case 'return_proposed':
        case 'return_agreed': {
          const { id } = await recordIn(endpoint === 'return_proposed' ? 'termination_proposed' : 'termination_agreed')
          const body = { action: 'return_termination', reason: '情况未变' }
          return (await http.json('POST', `/api/v1/registrations/${id}/review`, token, body)).status
        }
        // The 待复核 list: any worker may ask (an empty list outside the region); the keep needs a flagged
        // record, so on a plain confirmed one the 茅坪 worker — the only role with the action — gets 409.
        case 'rechecks':
          return (await get('/review/rechecks')).status
        case 'keep_after_recheck': {
          const { id } = await recordIn('confirmed')
          return (await http.json('POST', `/api/v1/registrations/${id}/review`, token, { action: endpoint, reason: '仍需保障' })).status
        }
        // Monthly visits (docs/lifecycle.md): recorded by the village worker on a confirmed record; the list
        // is the village worker's, the completion counts the township's and above.
        case 'record_visit_confirmed': {
          const { id } = await recordIn('confirmed')
          const visit = { date: '2026-03-02', method: 'home', conclusion: 'true', guardianshipAssessment: 'good' }
          return (await http.json('POST', `/api/v1/registrations/${id}/review`, token, { action: 'record_visit', visit })).status
        }
        case 'visits_due': {
          const res = await get('/visits/due')
          const ids = res.status === 200 ? JSON.parse(res.text).items.map((i: { id: string }) => i.id) : []
          return seen(res.status, ids.includes(supported.id), ids.length === 0)
        }
        case 'visits_completion': {
          const res = await get('/visits/completion')
          const codes = res.status === 200 ? JSON.parse(res.text).byVillage.map((v: { code: string }) => v.code) : []
          return seen(res.status, codes.includes('441422101200'), codes.length === 0)
        }
        case 'get_terminated':
          return (await get(`/registrations/${ended.id}`)).status
        case 'regions':
          return (await get('/regions/441422/villages')).status
        // The base record is a left-behind child: its application is refused (409) once the caller may reach it.
        case 'print':
          return (
            await http.send({
              method: 'GET',
              path: `/api/v1/registrations/${base.id}/form.pdf`,
              headers: token ? { authorization: `Bearer ${token}` } : {},
            })
          ).status
        case 'access':
          return (await get(`/registrations/${base.id}/access`)).status
        case 'application':
          return (
            await http.send({
              method: 'GET',
              path: `/api/v1/registrations/${base.id}/allowance-application.pdf`,
              headers: token ? { authorization: `Bearer ${token}` } : {},
            })
          ).status
        // Reporting WeChat subscriptions: a guardian's own act, nobody else's.
        case 'subscribe':
          return (await http.json('POST', '/api/v1/me/subscriptions', token, { accepted: ['status-template'] })).status
      }
    }

    const quarterlyCell = async (token: string | undefined, endpoint: QuarterlyEndpoint): Promise<Cell> => {
      const review = async (state: State, body: object) => {
        const { id } = await recordIn(state)
        return (await http.json('POST', `/api/v1/registrations/${id}/review`, token, body)).status
      }
      switch (endpoint) {
        case 'quarterly_unchanged':
        case 'quarterly_change': {
          const { id, record } = await recordIn('confirmed')
          const change = {
            record: { ...record, child: { ...record.child, residenceAddress: `${record.child.residenceAddress}（西侧）` } },
            baseVersion: 5,
          }
          const body = endpoint === 'quarterly_unchanged' ? { unchanged: true } : change
          return (await http.json('POST', `/api/v1/registrations/${id}/quarterly`, token, body)).status
        }
        case 'verify_update':
          return review('update_village', { action: endpoint })
        case 'approve_update':
          return review('update_township', { action: endpoint })
        case 'accept_update':
          return review('update_county', { action: endpoint })
        case 'return_update':
          return review('update_township', { action: endpoint, reason: '与走访情况不符' })
        case 'quarterly_progress': {
          const res = await http.json('GET', '/api/v1/review/quarterly', token)
          if (res.status !== 200) return res.status
          const body = JSON.parse(res.text) as { pending?: { id: string }[]; villages: { code: string }[] }
          const holds = body.pending ? body.pending.some((p) => p.id === due.id) : body.villages.some((v) => v.code === '441422101200')
          return holds ? 'sees' : body.villages.length === 0 ? 'blind' : 500
        }
      }
    }

    const aReport = () => ({
      id: randomUUID(),
      villageCode: '441422101200',
      concern: 'unattended',
      seen: '孩子一连几天独自在家',
      reporter: 'neighbour',
    })
    const ownerReport = await ok(http.json('POST', '/api/v1/reports', owner, aReport()))
    const reportCell = async (token: string | undefined, endpoint: ReportEndpoint): Promise<Cell> => {
      const listed = async (path: string) => {
        const res = await http.json('GET', `/api/v1${path}`, token)
        if (res.status !== 200) return res.status
        const ids = JSON.parse(res.text).items.map((i: { id: string }) => i.id)
        return ids.includes(ownerReport.id) ? 'sees' : ids.length === 0 || path === '/reports/mine' ? 'blind' : 500
      }
      switch (endpoint) {
        case 'report':
          return (await http.json('POST', '/api/v1/reports', token, aReport())).status
        case 'mine':
          return listed('/reports/mine')
        case 'report_list':
          return listed('/reports')
        case 'report_open':
          return (await http.json('GET', `/api/v1/reports/${ownerReport.id}`, token)).status
        case 'report_act': {
          const fresh = await ok(http.json('POST', '/api/v1/reports', owner, aReport()))
          return (await http.json('POST', `/api/v1/reports/${fresh.id}/actions`, token, { action: 'contact' })).status
        }
      }
    }

    /** A confirmed 茅坪 record with a transfer to 左弼 waiting, started by the 茅坪 worker. */
    const waitingTransfer = async () => {
      const { id } = await recordIn('confirmed')
      return (await ok(http.json('POST', `/api/v1/registrations/${id}/transfer`, village, { toVillage: '441422101201' }))).id as string
    }
    const waiting = await waitingTransfer()
    const transferCell = async (token: string | undefined, endpoint: TransferEndpoint): Promise<Cell> => {
      switch (endpoint) {
        case 'transfer_start': {
          const { id } = await recordIn('confirmed')
          return (await http.json('POST', `/api/v1/registrations/${id}/transfer`, token, { toVillage: '441422101201' })).status
        }
        case 'transfers': {
          const res = await http.json('GET', '/api/v1/transfers', token)
          if (res.status !== 200) return res.status
          const { incoming, outgoing } = JSON.parse(res.text)
          const ids = [...incoming, ...outgoing].map((x: { id: string }) => x.id)
          return ids.includes(waiting) ? 'sees' : ids.length === 0 ? 'blind' : 500
        }
        case 'transfer_accept':
        case 'transfer_decline':
        case 'transfer_cancel': {
          const step = endpoint.slice('transfer_'.length)
          const body = step === 'decline' ? { reason: '家庭没有迁来' } : undefined
          return (await http.json('POST', `/api/v1/transfers/${await waitingTransfer()}/${step}`, token, body)).status
        }
      }
    }

    const started = Date.now()
    const actual: Record<string, Cell[]> = {}
    for (const role of Object.keys(MATRIX)) {
      actual[role] = []
      for (const endpoint of ENDPOINTS) actual[role].push(await cell(tokens[role], endpoint))
      for (const endpoint of ACCOUNT_ENDPOINTS) actual[role].push(await accountCell(role, tokens[role], endpoint))
      for (const endpoint of QUARTERLY_ENDPOINTS) actual[role].push(await quarterlyCell(tokens[role], endpoint))
      for (const endpoint of REPORT_ENDPOINTS) actual[role].push(await reportCell(tokens[role], endpoint))
      for (const endpoint of TRANSFER_ENDPOINTS) actual[role].push(await transferCell(tokens[role], endpoint))
    }
    expect(actual).toEqual(MATRIX)
    const columns =
      ENDPOINTS.length + ACCOUNT_ENDPOINTS.length + QUARTERLY_ENDPOINTS.length + REPORT_ENDPOINTS.length + TRANSFER_ENDPOINTS.length
    const cells = Object.keys(MATRIX).length * columns
    console.log(
      `drill authorisation matrix (${backend}): ${Object.keys(MATRIX).length} roles × ${columns} endpoints = ${cells} cells in ${Date.now() - started} ms, all as written`,
    )
  })
})

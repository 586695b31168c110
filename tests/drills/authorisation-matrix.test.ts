/**
 * Drill 4 — the authorisation matrix, against the real server process: every role × every endpoint, the
 * expected answer written out by hand below (not derived from the server's code). The record under test
 * belongs to the owner and lives in 茅坪 (441422101200), 茶阳镇 (441422101), 大埔县 (441422). Each cell that
 * changes something gets a record of its own in the state the action needs (edit: returned; withdraw and
 * start_review: submitted; approve: verified; confirm: township_approved; the steps of 终止: confirmed,
 * termination_proposed, termination_agreed — return_proposed / return_agreed send return_termination to
 * either), so the answer shows the authorisation alone (a 409: the role may act, but not at that step).
 * get_terminated opens an ended record: readable at every level above it, as before. "sees" / "blind": 200, and the answer holds the record (or the village's rows) / holds none.
 */
import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { BACKENDS } from '../server/helpers'
import { drillDatabase, type DrillDatabase } from './support/database'
import { client, guardianToken, type Client } from './support/http'
import { freshRecord, prng } from './support/records'
import { startServer, type ServerProcess } from './support/server-process'

jest.setTimeout(60_000)
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
  'propose_termination',
  'agree_termination',
  'terminate',
  'return_proposed',
  'return_agreed',
  'get_terminated',
  'rechecks',
  'keep_after_recheck',
] as const
type Endpoint = (typeof ENDPOINTS)[number]

// The matrix reads as a table: one row per actor, one column per endpoint.
// prettier-ignore
const MATRIX: Record<string, Cell[]> = {
  //                          list     get  reveal history edit withdraw start  approve confirm queue    stats    export   regions print application propose agree term ret_p ret_a ended rchk keep
  'guardian (owner)':        ['sees',  200, 403,    200,    200, 200,     403,   403,    403,    403,     403,     403,     200, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403],
  'other guardian':          ['blind', 404, 403,    404,    409, 404,     403,   403,    403,    403,     403,     403,     200, 403, 403, 403, 403, 403, 403, 403, 404, 403, 403],
  'village worker, 茅坪':     [403,     200, 200,    200,    403, 403,     200,   403,    403,    'sees',  'sees',  'sees',  200, 200, 409, 200, 403, 403, 403, 403, 200, 200, 409],
  'village worker, 左弼':     [403,     404, 404,    404,    403, 403,     404,   404,    404,    'blind', 'blind', 'blind', 200, 404, 404, 404, 404, 404, 404, 404, 404, 200, 404],
  'township, 茶阳镇':         [403,     200, 200,    200,    403, 403,     403,   200,    403,    'sees',  'sees',  'sees',  200, 200, 409, 403, 200, 403, 200, 409, 200, 200, 403],
  'township, 湖寮镇':         [403,     404, 404,    404,    403, 403,     404,   404,    404,    'blind', 'blind', 'blind', 200, 404, 404, 404, 404, 404, 404, 404, 404, 200, 404],
  'county, 大埔县':           [403,     200, 200,    200,    403, 403,     403,   403,    200,    'sees',  'sees',  'sees',  200, 200, 409, 403, 403, 200, 409, 200, 200, 200, 403],
  'county, 梅县区':           [403,     404, 404,    404,    403, 403,     404,   404,    404,    'blind', 'blind', 'blind', 200, 404, 404, 404, 404, 404, 404, 404, 404, 200, 404],
  'worker without region':   [403,     404, 404,    404,    403, 403,     404,   404,    404,    'blind', 403,     403,     200, 404, 404, 404, 404, 404, 404, 404, 404, 200, 404],
  'disabled worker, 茅坪':    [401,     401, 401,    401,    401, 401,     401,   401,    401,    401,     401,     401,     200, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401],
  'no token':                [401,     401, 401,    401,    401, 401,     401,   401,    401,    401,     401,     401,     200, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401],
}

const WORKERS: [string, 'village_worker' | 'township_supervisor' | 'county_admin', string | null][] = [
  ['village worker, 茅坪', 'village_worker', '441422101200'],
  ['village worker, 左弼', 'village_worker', '441422101201'],
  ['township, 茶阳镇', 'township_supervisor', '441422101'],
  ['township, 湖寮镇', 'township_supervisor', '441422100'],
  ['county, 大埔县', 'county_admin', '441422'],
  ['county, 梅县区', 'county_admin', '441421'],
  ['worker without region', 'village_worker', null],
  ['disabled worker, 茅坪', 'village_worker', '441422101200'],
]

describe.each(BACKENDS)('authorisation matrix (%s)', (backend) => {
  let db: DrillDatabase
  let server: ServerProcess
  let http: Client
  beforeAll(async () => {
    db = await drillDatabase(backend)
    server = await startServer({ ...db, env: { HUTONG_LOGIN_RATE_MAX: '100' } })
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
      return { id, record }
    }
    const base = await recordIn('submitted')
    const ended = await recordIn('terminated')

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
          const res = await get('/review/queue?status=all&limit=100')
          const items = res.status === 200 ? JSON.parse(res.text).items.map((i: { id: string }) => i.id) : []
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
        case 'application':
          return (
            await http.send({
              method: 'GET',
              path: `/api/v1/registrations/${base.id}/allowance-application.pdf`,
              headers: token ? { authorization: `Bearer ${token}` } : {},
            })
          ).status
      }
    }

    const started = Date.now()
    const actual: Record<string, Cell[]> = {}
    for (const role of Object.keys(MATRIX)) {
      actual[role] = []
      for (const endpoint of ENDPOINTS) actual[role].push(await cell(tokens[role], endpoint))
    }
    expect(actual).toEqual(MATRIX)
    const cells = Object.keys(MATRIX).length * ENDPOINTS.length
    console.log(
      `drill authorisation matrix (${backend}): ${Object.keys(MATRIX).length} roles × ${ENDPOINTS.length} endpoints = ${cells} cells in ${Date.now() - started} ms, all as written`,
    )
  })
})

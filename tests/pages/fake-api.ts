/**
 * A stand-in for the server's guardian endpoints, for page tests in jsdom (the sync layer itself is tested
 * against the real server in tests/sync): sign-in, the own list, one record, its history, PUT, withdraw. Villages
 * are served from the server's data file as in the other page tests.
 */
import { forgetSession, setCodeProvider } from '@/services/auth'
import { setTransport, type HttpRequest } from '@/platform/request'
import { serveVillages } from './harness'

export interface FakeApi {
  offline: boolean
  /** GET /registrations answers these items. */
  list: any[]
  /** GET /registrations/:id answers these views. */
  views: Record<string, any>
  history: Record<string, any[]>
  puts: { id: string; body: any }[]
  /** Ids withdrawn through POST /registrations/:id/withdraw (answered 409 when the view does not allow it). */
  withdrawals: string[]
  /** POST /registrations/:id/quarterly bodies; `quarterlyRefusal` answers the next one with this error instead. */
  quarterly: { id: string; body: any }[]
  quarterlyRefusal?: { statusCode: number; code: string; message: string }
  /** Answers the next update as a move (202): a transfer started, with or without other changes in it. */
  quarterlyMove?: { otherChanges: boolean; message: string }
  restore(): void
}

export function fakeApi(): FakeApi {
  const restoreCode = setCodeProvider(async () => 'device-page-test')
  forgetSession()
  const api: FakeApi = {
    offline: false,
    list: [],
    views: {},
    history: {},
    puts: [],
    withdrawals: [],
    quarterly: [],
    restore: () => undefined,
  }
  const restoreTransport = setTransport(async (req: HttpRequest) => {
    if (api.offline) throw Object.assign(new Error('request:fail'), { errMsg: 'request:fail' })
    const path = req.url.replace(/^https?:\/\/[^/]+/, '')
    if (path === '/api/v1/auth/wx-login') {
      return { statusCode: 200, data: { token: 'token-1', expiresAt: '2099-01-01T00:00:00.000Z', user: { id: 'guardian-1' } } }
    }
    if (path === '/api/v1/registrations' && req.method === 'GET') return { statusCode: 200, data: { items: api.list } }
    const history = /^\/api\/v1\/registrations\/([^/]+)\/history$/.exec(path)
    if (history) return { statusCode: 200, data: { items: api.history[history[1]] ?? [] } }
    // Which levels have opened a registration (the record page's 谁看过这条登记): none in these tests.
    if (/^\/api\/v1\/registrations\/[^/]+\/access$/.test(path)) return { statusCode: 200, data: { levels: [] } }
    const withdraw = /^\/api\/v1\/registrations\/([^/]+)\/withdraw$/.exec(path)
    if (withdraw && req.method === 'POST') {
      const view = api.views[withdraw[1]]
      if (!view?.allowedActions?.includes('withdraw'))
        return { statusCode: 409, data: { error: { code: 'invalid_transition', message: '现在不能撤回' } } }
      api.withdrawals.push(withdraw[1])
      api.views[withdraw[1]] = { ...view, status: 'withdrawn', statusLabel: '已撤回', version: view.version + 1, allowedActions: [] }
      return { statusCode: 200, data: api.views[withdraw[1]] }
    }
    const quarterly = /^\/api\/v1\/registrations\/([^/]+)\/quarterly$/.exec(path)
    if (quarterly && req.method === 'POST') {
      const refusal = api.quarterlyRefusal
      api.quarterlyRefusal = undefined
      if (refusal) return { statusCode: refusal.statusCode, data: { error: { code: refusal.code, message: refusal.message } } }
      const id = quarterly[1]
      const body = req.data as any
      api.quarterly.push({ id, body })
      const view = api.views[id]
      const move = api.quarterlyMove
      api.quarterlyMove = undefined
      if (move) {
        api.views[id] = { ...view, version: view.version + 1 }
        const { message, otherChanges } = move
        const data = { quarter: '2026Q4', answer: 'transfer', answeredAt: '2026-12-20T02:00:00.000Z', registration: api.views[id] }
        return { statusCode: 202, data: { ...data, transfer: { toName: '左弼村委会', otherChanges }, message } }
      }
      const answer = body.unchanged ? 'unchanged' : 'changed'
      const at = '2026-12-20T02:00:00.000Z'
      const prompt = { ...view.quarterly, answer, answeredAt: at, canChange: !body.record && view.quarterly?.canChange }
      api.views[id] = body.record
        ? {
            ...view,
            record: body.record,
            status: 'update_village',
            statusLabel: '变更待村级核实',
            version: view.version + 1,
            quarterly: prompt,
          }
        : { ...view, quarterly: prompt }
      return { statusCode: 201, data: { quarter: prompt.quarter, answer, answeredAt: at, registration: api.views[id] } }
    }
    const one = /^\/api\/v1\/registrations\/([^/]+)$/.exec(path)
    if (one && req.method === 'GET') {
      const view = api.views[one[1]]
      return view ? { statusCode: 200, data: view } : { statusCode: 404, data: { error: { code: 'not_found', message: '没有找到' } } }
    }
    if (one && req.method === 'PUT') {
      api.puts.push({ id: one[1], body: req.data })
      return { statusCode: 200, data: { ...api.views[one[1]], status: 'submitted', statusLabel: '已提交' } }
    }
    return serveVillages(req)
  })
  api.restore = () => {
    restoreTransport()
    restoreCode()
    forgetSession()
  }
  return api
}

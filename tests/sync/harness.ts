/**
 * The phone's sync layer against the real server app, in-process: the request layer's transport calls
 * `app.inject`, and this transport is the only thing faked — it plays the network (offline, answers lost
 * on the way back, a gateway's 503). The server, its database, the stores and the sync engine are real.
 * Time is a hand-moved clock with hand-fired timers, so backoff can be checked to the millisecond.
 */
import { randomUUID } from 'node:crypto'
import { forgetSession, setCodeProvider } from '@/services/auth'
import { setTransport, type HttpRequest } from '@/platform/request'
import { createSync, type Timers } from '@/services/sync'
import { createOutboxStore } from '@/store/outbox'
import { memoryStorage } from '../store/memory-storage'
import { fixture, startApp, type TestApp } from '../server/helpers'

export interface Network {
  offline: boolean
  /** The next n requests reach the server, but their answers never come back. */
  loseAnswers: number
  /** The next n requests get a 503 from a gateway without reaching the server. */
  gateway503: number
  /** Holds the next request until released (then it reaches the server, or is lost on the way). */
  hold?: { gate: Promise<boolean>; signal(): void }
  /** Which requests the faults above hit (offline hits all): registration requests unless changed. */
  faultsOn: RegExp
  calls: string[]
}

export function manualClock(start = Date.parse('2026-12-01T02:00:00.000Z')) {
  let t = start
  const pending = new Map<number, { at: number; fn: () => void }>()
  let seq = 0
  const timers: Timers = {
    set(fn, ms) {
      pending.set(++seq, { at: t + ms, fn })
      return seq
    },
    clear(h) {
      pending.delete(h as number)
    },
  }
  return {
    now: () => t,
    timers,
    /** Moves time on and fires the timers that fall due. */
    advance(ms: number) {
      t += ms
      for (const [id, p] of [...pending]) {
        if (p.at <= t) {
          pending.delete(id)
          p.fn()
        }
      }
    },
    /** When the earliest timer fires (undefined: none set). */
    nextTimer: () => (pending.size ? Math.min(...[...pending.values()].map((p) => p.at)) : undefined),
  }
}

export async function syncWorld() {
  const server: TestApp = await startApp('sqlite')
  const net: Network = { offline: false, loseAnswers: 0, gateway503: 0, faultsOn: /\/registrations/, calls: [] }
  const device = `device-${randomUUID()}`
  const restoreCode = setCodeProvider(async () => device)
  forgetSession()

  const restoreTransport = setTransport(async (req: HttpRequest) => {
    net.calls.push(`${req.method} ${req.url}`)
    if (net.offline) throw Object.assign(new Error('request:fail'), { errMsg: 'request:fail' })
    const target = net.faultsOn.test(req.url)
    if (target && net.gateway503 > 0) {
      net.gateway503 -= 1
      return { statusCode: 503, data: '<html>503 Service Unavailable</html>' }
    }
    let reach = true
    if (target && net.hold) {
      const hold = net.hold
      net.hold = undefined
      hold.signal()
      reach = await hold.gate
    }
    if (!reach) throw new Error('request:fail timeout')
    const res = await server.app.inject({
      method: req.method,
      url: req.url,
      headers: req.header,
      ...(req.data !== undefined ? { payload: JSON.stringify(req.data) } : {}),
    })
    if (target && net.loseAnswers > 0) {
      net.loseAnswers -= 1
      throw new Error('request:fail timeout')
    }
    return { statusCode: res.statusCode, data: res.body ? JSON.parse(res.body) : undefined }
  })

  const phone = memoryStorage()
  const clock = manualClock()
  const boot = () => {
    const store = createOutboxStore(phone.storage, clock.now)
    const engine = createSync({ store, now: clock.now, random: () => 0.5, timers: clock.timers })
    return { store, engine }
  }

  /** A fresh launch that submits one record and waits until the engine is idle (set `net` first for faults). */
  const submitted = async (rec = record()) => {
    const { store, engine } = boot()
    engine.start()
    const id = newId()
    store.getState().enqueue({ id, record: rec })
    await engine.idle()
    return { store, engine, id }
  }

  return {
    server,
    net,
    phone,
    clock,
    boot,
    submitted,
    device,
    /** Holds the next request; resolves once it is being held. */
    holdNext() {
      let signal!: () => void
      let release!: (reach: boolean) => void
      const reached = new Promise<void>((resolve) => (signal = resolve))
      net.hold = { gate: new Promise<boolean>((resolve) => (release = resolve)), signal }
      return { reached, release }
    },
    /** The guardian's registrations as the server lists them (with the same device, so the same guardian). */
    async serverList(): Promise<any[]> {
      const token = await server.guardian(device)
      return (await server.req('GET', '/api/v1/registrations', { token })).json().items
    },
    async close() {
      restoreTransport()
      restoreCode()
      forgetSession()
      await server.close()
    },
  }
}

export const record = (name = 'left-behind') => fixture(name)
export const newId = () => randomUUID()

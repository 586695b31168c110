/**
 * The server's clock. Every time the server stores (created_at, updated_at, event and audit times), the
 * default token clock and "today" for the rules (ages, categories, the roster's date) read it, so that one
 * call sets the time for the whole server: a test that needs a child to turn 18, or a token to expire,
 * moves this clock instead of waiting.
 */
import { chinaToday, type IsoDate } from '../../src/domain/dates'

const systemClock = () => Date.now()
let source: () => number = systemClock

/** Milliseconds since the epoch. */
export const nowMs = (): number => source()

/** ISO-8601 UTC with milliseconds, the form every time column holds: it sorts the same in SQLite and PostgreSQL. */
export const now = (): string => new Date(source()).toISOString()

/** Today's date in China (UTC+8) by this clock. */
export const today = (): IsoDate => chinaToday(new Date(source()))

/** Sets the clock (milliseconds since the epoch); without an argument, back to the system clock. */
export function setClock(clock?: () => number): void {
  source = clock ?? systemClock
}

/**
 * `HUTONG_TEST_NOW` (tests only, docs/server.md): the clock starts at that ISO instant and runs on. Read by the
 * server and by `npm run server:daily`, so that an end-to-end test can move both to a child's 16th birthday.
 */
export function applyTestClock(env: NodeJS.ProcessEnv = process.env): void {
  const testNow = env.HUTONG_TEST_NOW
  if (!testNow) return
  if (env.NODE_ENV === 'production') throw new Error('HUTONG_TEST_NOW 只能在测试中使用')
  const start = Date.parse(testNow)
  if (Number.isNaN(start)) throw new Error('HUTONG_TEST_NOW 应为 ISO 时间，如 2031-03-08T02:00:00Z')
  const offset = start - Date.now()
  setClock(() => Date.now() + offset)
}

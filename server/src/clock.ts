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

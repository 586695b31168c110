/**
 * 待复核 (docs/lifecycle.md, "The daily re-check"): once a day, every confirmed (or township-approved) record is
 * read again with `classify` on today's date; a record whose stored categories no longer hold goes on its
 * village worker's 待复核 list with the reason. Nothing is ended here: the worker proposes 终止, or keeps the
 * record in writing (复核后继续保障), which dismisses the flag until another category is lost.
 */
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { QueuePage, RecheckNote } from '../../../src/domain/api'
import { categoryLabel, type Category } from '../../../src/domain/eligibility'
import { recheck } from '../../../src/domain/lifecycle'
import { UPDATE_STATUSES, type Action, type Status } from '../../../src/domain/status'
import type { Actor } from '../actor'
import { now, today } from '../clock'
import { audit } from '../db/audit'
import { deleteFlags, deleteStaleFlags, flagCount, flagOf, flagPage, flagsOf, putFlag, recheckBatch, type FlagRow } from '../db/flags'
import { categoriesOf, withDuplicates, type RegistrationRow } from '../db/registrations'
import type { Database } from '../db/types'
import { regionRange } from '../scope'
import { findingsOf } from './findings'
import { decodeCursor, encodeCursor } from './queue'
import { openRecord, queueItem } from './views'

/**
 * The statuses the re-check reads: confirmed, on the county's desk (the county should know before it confirms),
 * and confirmed with a guardian's change under review (动态更新: still supported, so still re-checked; the flag
 * stays while the change goes up).
 */
export const RECHECK_STATUSES: readonly Status[] = ['confirmed', 'township_approved', ...UPDATE_STATUSES]
const BATCH = 500
/**
 * Records classified between two turns of the event loop. Opening and classifying a record is synchronous
 * (about 0.1–0.3 ms), and on SQLite every query of a batch is too, so a batch of 500 would hold every request
 * of this instance for 50–150 ms, and at national scale the run reads a million records. After each slice the
 * run lets waiting requests go first, so the daily job costs the workers a few milliseconds at most.
 */
export const RECHECK_SLICE = 25
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

interface FlagDetail {
  foundOn: string
  lost: Category[]
  reasons: string[]
}

const noteOf = (d: FlagDetail): RecheckNote => ({ ...d, lostLabels: d.lost.map(categoryLabel) })
const openDetail = (app: FastifyInstance, id: string, sealed: string) => app.vault.openJson<FlagDetail>(sealed, `flag:${id}`)

export interface RecheckRun {
  day: string
  checked: number
  flagged: number
  cleared: number
}

/** One pass over every record the re-check reads, in batches; safe to run again the same day. */
export async function runRecheck(app: FastifyInstance, day = today(), slice = RECHECK_SLICE): Promise<RecheckRun> {
  const run: RecheckRun = { day, checked: 0, flagged: 0, cleared: 0 }
  let after = ''
  for (;;) {
    const rows = await recheckBatch(app.db, RECHECK_STATUSES, after, BATCH)
    if (rows.length === 0) break
    after = rows[rows.length - 1]!.id
    const known = new Map(
      (
        await flagsOf(
          app.db,
          rows.map((r) => r.id),
        )
      ).map((f) => [f.registration_id, f]),
    )
    const gone: string[] = []
    const findings = await findingsOf(
      app,
      rows.map((r) => r.id),
    )
    for (const row of rows) {
      run.checked += 1
      if (run.checked % slice === 0) await nextTurn()
      const found = recheck(openRecord(app, row), categoriesOf(row), day, { findings: findings.get(row.id) })
      const flag = known.get(row.id)
      if (found.lost.length === 0) {
        if (flag) gone.push(row.id)
        continue
      }
      const lost = found.lost.join(',')
      // Same loss as already flagged (open, or kept by the worker): nothing new to say.
      if (flag && flag.lost === lost) continue
      const detail: FlagDetail = { foundOn: day, lost: found.lost, reasons: found.reasons }
      await putFlag(app.db, {
        registration_id: row.id,
        village_code: row.village_code,
        detail: app.vault.sealJson(detail, `flag:${row.id}`),
        lost,
        dismissed: 0,
        updated_at: now(),
      })
      run.flagged += 1
    }
    run.cleared += await deleteFlags(app.db, gone)
  }
  run.cleared += await deleteStaleFlags(app.db, RECHECK_STATUSES)
  await audit(app.db, { action: 'daily_recheck', detail: { ...run } })
  return run
}

const DONE_KEY = 'daily-recheck:done'

/**
 * Today's run unless it is done: under a cluster lock (one instance runs it, the others skip), and marked done
 * for the day in shared state so that the hourly tick of every instance does not repeat it. `force` runs it
 * again (the operator's `npm run server:daily`). Undefined: not run (done already, or another instance has it).
 */
export async function runDaily(app: FastifyInstance, force = false): Promise<RecheckRun | undefined> {
  const day = today()
  if (!force && (await app.sharedState.get(DONE_KEY)) === day) return undefined
  const result = await app.sharedState.withLock('daily-recheck', { ttlMs: 5 * 60_000 }, async () => {
    if (!force && (await app.sharedState.get(DONE_KEY)) === day) return undefined
    const run = await runRecheck(app, day)
    await app.sharedState.set(DONE_KEY, day, 36 * 3600_000)
    app.log.info({ ...run }, 'daily re-check done')
    return run
  })
  return result.acquired ? result.value : undefined
}

/** The open flag of a record, for its page (workers only). */
export async function recheckNote(app: FastifyInstance, ex: Kysely<Database>, row: RegistrationRow): Promise<RecheckNote | null> {
  if (!RECHECK_STATUSES.includes(row.status)) return null
  const flag: FlagRow | undefined = await flagOf(ex, row.id)
  return flag && !flag.dismissed ? noteOf(openDetail(app, row.id, flag.detail)) : null
}

/** 复核后继续保障 is offered only on a record that is on the list. */
export function withoutUnflagged(actions: Action[], flagged: boolean): Action[] {
  return flagged ? actions : actions.filter((a) => a !== 'keep_after_recheck')
}

/** `GET /review/rechecks`: the region's 待复核 list, a page at a time, each item with what was found. */
export async function rechecks(app: FastifyInstance, actor: Actor, query: { cursor?: string; limit?: number }): Promise<QueuePage> {
  const range = regionRange(actor.regionCode)
  if (!range) return { items: [], nextCursor: null, total: 0 }
  const limit = query.limit ?? 20
  const rows = await flagPage(app.db, range, RECHECK_STATUSES, query.cursor ? decodeCursor(query.cursor) : undefined, limit + 1)
  const page = rows.slice(0, limit)
  const dups = await withDuplicates(app.db, page)
  const last = page[page.length - 1]
  return {
    items: page.map(({ flag_detail, ...row }) => {
      const item = queueItem(app, row, actor.role, dups.has(row.id))
      return { ...item, allowedActions: withoutUnflagged(item.allowedActions, true), recheck: noteOf(openDetail(app, row.id, flag_detail)) }
    }),
    nextCursor: rows.length > limit && last ? encodeCursor(last.updated_at, last.id) : null,
    ...(query.cursor ? {} : { total: await flagCount(app.db, range, RECHECK_STATUSES) }),
  }
}

/**
 * Group commit on SQLite (server/src/db/group-commit.ts): concurrent writes share one transaction and one
 * COMMIT, nobody is answered before that commit, and an item that fails is rolled back alone. A second
 * connection to the same file is the witness: in WAL mode it sees only what has been committed.
 */
import SQLite from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { audit } from '../../server/src/db/audit'
import { fixture, startApp, type TestApp } from './helpers'

const METRICS = 'metrics-token-for-group-commit-tests'

describe('group commit (sqlite)', () => {
  let t: TestApp
  let witness: SQLite.Database
  const committed = (id: string) => !!witness.prepare('select 1 from registrations where id = ?').get(id)
  const audited = (target: string) => !!witness.prepare('select 1 from audit_log where target_id = ?').get(target)

  beforeAll(async () => {
    t = await startApp('sqlite', { metricsToken: METRICS })
    witness = new SQLite(t.file!, { readonly: true })
  })
  afterAll(async () => {
    witness.close()
    await t.close()
  })

  async function groups(): Promise<{ commits: number; writes: number }> {
    const text = (await t.req('GET', '/metrics', { headers: { authorization: `Bearer ${METRICS}` } })).body
    const value = (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? NaN)
    return { commits: value('hutong_commit_group_size_count'), writes: value('hutong_commit_group_size_sum') }
  }

  test('writes queued together share one transaction; a failing one is rolled back alone; all settle after the commit', async () => {
    const before = await groups()
    const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()]
    const seenInside: boolean[] = []
    const write = (id: string, fail = false) =>
      t.app.transact(async (trx) => {
        // Still inside the shared transaction: what the items before this one wrote is not committed yet.
        seenInside.push(...ids.filter((other) => other !== id).map(audited))
        await audit(trx, { action: 'group_commit_test', targetType: 'user', targetId: id })
        if (fail) throw new Error(`item ${id} fails`)
        return id
      })
    const settled = await Promise.allSettled([write(ids[0]), write(ids[1], true), write(ids[2]), write(ids[3])])

    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled'])
    expect((settled[1] as PromiseRejectedResult).reason.message).toBe(`item ${ids[1]} fails`)
    const targets = witness
      .prepare(`select target_id from audit_log where action = 'group_commit_test'`)
      .all()
      .map((r) => (r as { target_id: string }).target_id)
    expect(targets.sort()).toEqual([ids[0], ids[2], ids[3]].sort())
    expect(seenInside.every((seen) => !seen)).toBe(true)
    // One commit for the four (the failed one counted in its group: it ran there and was rolled back).
    expect(await groups()).toEqual({ commits: before.commits + 1, writes: before.writes + 4 })
  })

  test('every concurrent PUT is answered only once its registration is committed', async () => {
    const token = await t.guardian()
    const record = fixture('left-behind')
    const visibleAtAnswer: boolean[] = []
    const before = await groups()
    const answers = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const id = randomUUID()
        const res = await t.put(token, id, record)
        // Checked the moment the answer arrives, before anything else can run.
        visibleAtAnswer.push(committed(id))
        return res.statusCode
      }),
    )
    expect(answers).toEqual(Array(30).fill(201))
    expect(visibleAtAnswer).toEqual(Array(30).fill(true))
    const after = await groups()
    expect(after.writes - before.writes).toBe(30)
  })

  test('sent together, a submission that is refused fails alone and the others are stored', async () => {
    const token = await t.guardian()
    const taken = randomUUID()
    expect((await t.put(token, taken, fixture('left-behind'))).statusCode).toBe(201)
    const fresh = [randomUUID(), randomUUID(), randomUUID()]
    const [a, refused, b, c] = await Promise.all([
      t.put(token, fresh[0], fixture('left-behind')),
      t.put(token, taken, fixture('orphan')), // other content under an existing id, no baseVersion: 409
      t.put(token, fresh[1], fixture('disability')),
      t.put(token, fresh[2], fixture('orphan')),
    ])
    expect([a.statusCode, refused.statusCode, b.statusCode, c.statusCode]).toEqual([201, 409, 201, 201])
    expect(refused.json().error.code).toBe('conflict')
    expect(fresh.map(committed)).toEqual([true, true, true])
  })
})

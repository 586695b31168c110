/**
 * The database layer: SQLite durability settings, migrations that run twice without harm, and the
 * region index the scoping queries use (the plan must use it on both databases).
 */
import { sql } from 'kysely'
import pg from 'pg'
import { migrateToLatest } from '../../server/src/db/migrate'
import { regionRange } from '../../server/src/scope'
import { BACKENDS, PG_URL, startApp, type TestApp } from './helpers'

/** Every migration, in name order, as the database records them once applied. */
const APPLIED = [
  '001_initial',
  '002_review_request_id',
  '003_lookup_key',
  '004_wechat',
  '005_accounts',
  '006_registration_counts',
  '007_review_flags',
  '008_visits',
  '009_reports',
  '010_quarterly_updates',
  '011_transfers',
]

describe.each(BACKENDS)('database (%s)', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startApp(backend)
  })
  afterAll(() => t.close())

  test('migrations are recorded and re-running them changes nothing', async () => {
    await migrateToLatest(t.app.db)
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(t.app.db)
    expect(applied.rows.map((r) => r.name)).toEqual(APPLIED)
  })

  test('the region range query uses the village index', async () => {
    const r = regionRange('441422101')!
    if (backend === 'sqlite') {
      const plan = await sql<{
        detail: string
      }>`explain query plan select count(*) from registrations where village_code >= ${r.lo} and village_code <= ${r.hi} and status = 'submitted'`.execute(
        t.app.db,
      )
      expect(plan.rows.map((p) => p.detail).join(' ')).toMatch(/USING COVERING INDEX registrations_region/)
    } else {
      await sql`set enable_seqscan = off`.execute(t.app.db)
      const plan = await sql<{
        'QUERY PLAN': string
      }>`explain select count(*) from registrations where village_code >= ${r.lo} and village_code <= ${r.hi} and status = 'submitted'`.execute(
        t.app.db,
      )
      expect(plan.rows.map((p) => p['QUERY PLAN']).join(' ')).toMatch(/registrations_region/)
    }
  })

  if (backend === 'sqlite') {
    test('SQLite runs in WAL mode with synchronous = FULL (2), a busy timeout and foreign keys', async () => {
      const one = async (name: string) =>
        Object.values((await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(t.app.db)).rows[0])[0]
      expect(await one('journal_mode')).toBe('wal')
      expect(await one('synchronous')).toBe(2)
      expect(await one('busy_timeout')).toBe(10000)
      expect(await one('foreign_keys')).toBe(1)
    })
  }
})

// Another schema of the same database holding the migrator's tables half-made (another deployment, or a test
// run stopped mid-migration): a new schema still migrates into tables of its own.
;(PG_URL ? test : test.skip)(
  'PostgreSQL: migrations in a schema of their own, whatever another schema holds (skipped without TEST_DATABASE_URL)',
  async () => {
    const other = `t_other_${Date.now().toString(36)}`
    const admin = new pg.Client({ connectionString: PG_URL })
    await admin.connect()
    try {
      await admin.query(`create schema ${other}`)
      await admin.query(`create table ${other}.kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null)`)
      await admin.query(`create table ${other}.kysely_migration_lock (id varchar(255) primary key, is_locked integer not null default 0)`)
      const t = await startApp('postgres')
      try {
        const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(t.app.db)
        expect(applied.rows.map((r) => r.name)).toEqual(APPLIED)
        expect((await admin.query(`select count(*)::int as n from ${other}.kysely_migration`)).rows[0].n).toBe(0)
      } finally {
        await t.close()
      }
    } finally {
      await admin.query(`drop schema ${other} cascade`)
      await admin.end()
    }
  },
)

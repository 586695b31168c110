/**
 * PostgreSQL backups are pg_dump / pg_restore (docs/operations.md): the commands written there, run against
 * a database the server is using, restored into a database created for the purpose, and read back through
 * the server with the same keys — records, history and search. Runs with TEST_DATABASE_URL (CI sets it).
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { buildApp } from '../../server/src/app'
import { PG_URL, VILLAGE_A, fixture, inVillage, schemaUrl, startApp, uuid } from './helpers'

const admin = async (sql: string) => {
  const c = new pg.Client({ connectionString: PG_URL })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

;(PG_URL ? describe : describe.skip)('PostgreSQL: pg_dump, then pg_restore into a new database (skipped without TEST_DATABASE_URL)', () => {
  test('every record, its history and the search come back through the server', async () => {
    const t = await startApp('postgres')
    const work = mkdtempSync(join(tmpdir(), 'hutong-pgdump-'))
    const database = `hutong_restore_${randomBytes(5).toString('hex')}`
    const schema = new URL(t.config.databaseUrl!).searchParams.get('options')!.replace('-c search_path=', '')
    let restored: Awaited<ReturnType<typeof buildApp>> | undefined
    try {
      const guardian = await t.guardian('device-pgdump')
      const village = await t.worker('village_worker', VILLAGE_A)
      const records = ['left-behind', 'orphan', 'disability'].map((n) => inVillage(fixture(n), VILLAGE_A))
      const ids = records.map(() => uuid())
      for (const [i, r] of records.entries()) expect((await t.put(guardian, ids[i], r)).statusCode).toBe(201)
      await t.review(village, ids[0], { action: 'start_review' })
      await t.review(village, ids[0], { action: 'return', reason: '请核对孩子姓名', fields: ['child.name'] })

      // As in docs/operations.md, limited to this test's schema (the test database is shared).
      const dump = join(work, 'hutong.dump')
      execFileSync('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${dump}`, PG_URL!], { stdio: 'pipe' })
      await admin(`create database ${database}`)
      const target = new URL(PG_URL!)
      target.pathname = `/${database}`
      execFileSync('pg_restore', ['--exit-on-error', '--single-transaction', '--no-owner', `--dbname=${target}`, dump], { stdio: 'pipe' })

      restored = await buildApp({ config: { ...t.config, databaseUrl: schemaUrl(target.toString(), schema) } })
      const get = (url: string, token: string) => restored!.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })
      for (const [i, id] of ids.entries()) {
        const res = await get(`/api/v1/registrations/${id}`, guardian)
        expect({ id, status: res.statusCode, record: res.json().record }).toEqual({ id, status: 200, record: records[i] })
      }
      expect((await get(`/api/v1/registrations/${ids[0]}`, guardian)).json().returned).toMatchObject({ reason: '请核对孩子姓名' })
      const found = (await get(`/api/v1/review/queue?status=all&q=${records[1].child.idNumber}`, village)).json().items
      expect(found.map((i: { id: string }) => i.id)).toEqual([ids[1]])
      const counts = async (app: typeof t.app) =>
        Promise.all(
          (['registrations', 'registration_events', 'audit_log', 'users'] as const).map(async (table) =>
            Number(
              (
                await app.db
                  .selectFrom(table)
                  .select((eb) => eb.fn.countAll().as('n'))
                  .executeTakeFirst()
              )?.n,
            ),
          ),
        )
      expect(await counts(restored)).toEqual(await counts(t.app))
    } finally {
      await restored?.close()
      await t.close()
      await admin(`drop database if exists ${database}`)
      rmSync(work, { recursive: true, force: true })
    }
  })
})

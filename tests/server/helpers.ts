/**
 * Test harness: a fresh app per test file on a temporary SQLite file, or on its own PostgreSQL schema when
 * TEST_DATABASE_URL is set (then every suite runs on both). Nothing listens: requests go through app.inject.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import pg from 'pg'
import { buildApp } from '../../server/src/app'
import { loadConfig, type AppConfig } from '../../server/src/config'
import { addWorker } from '../../server/src/db/users'
import { hashPassword } from '../../server/src/passwords'
import type { Role } from '../../src/domain/status'

export type Backend = 'sqlite' | 'postgres'
export const PG_URL = process.env.TEST_DATABASE_URL
export const BACKENDS: Backend[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite']
/** Redis for the tests of several instances; CI always sets it, and tests that need it say they skip without it. */
export const REDIS_URL = process.env.TEST_REDIS_URL || undefined
/** A key prefix of its own per test run: Redis keeps state between runs and between parallel suites. */
export const redisPrefix = () => `hutong-test-${randomBytes(6).toString('hex')}:`

const FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'registrations')
export const FIXTURE_NAMES = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
export function fixture(name = 'left-behind'): any {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8'))
}

export const uuid = () => randomUUID()
export const VILLAGE_A = '441422101200' // 茅坪村委会
export const VILLAGE_B = '441422101201' // 左弼村委会 (neighbour)
export const VILLAGE_C = '441422101202' // 大觉村委会
export const TOWNSHIP = '441422101' // 茶阳镇
export const COUNTY = '441422' // 大埔县

/** A record of this fixture moved to another village (residence and hukou). */
export function inVillage(record: any, village: string): any {
  const r = structuredClone(record)
  r.child.residenceRegion = village
  if (r.child.hukouRegion) r.child.hukouRegion = village
  return r
}

/** A PostgreSQL URL whose connections use their own schema. */
export function schemaUrl(base: string, schema: string): string {
  return `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
}

export interface TestApp {
  app: FastifyInstance
  backend: Backend
  config: AppConfig
  /** SQLite file path (sqlite only). */
  file?: string
  close(): Promise<void>
  req(
    method: string,
    url: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string>; payload?: string },
  ): Promise<LightMyRequestResponse>
  guardian(code?: string): Promise<string>
  worker(role: Exclude<Role, 'guardian'>, region: string | null, username?: string): Promise<string>
  put(token: string, id: string, body: unknown): Promise<LightMyRequestResponse>
  review(token: string, id: string, body: unknown): Promise<LightMyRequestResponse>
  /** A review step that must succeed (200), and into `status` when given; its answer. */
  step(token: string, id: string, body: object, status?: string): Promise<any>
  count(table: 'registrations' | 'registration_events' | 'audit_log' | 'users'): Promise<number>
}

export async function startApp(backend: Backend, overrides: Partial<AppConfig> = {}, now?: () => number): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hutong-test-'))
  let schema: string | undefined
  let databaseUrl: string | undefined
  if (backend === 'postgres') {
    schema = `t_${randomBytes(6).toString('hex')}`
    const client = new pg.Client({ connectionString: PG_URL })
    await client.connect()
    await client.query(`create schema ${schema}`)
    await client.end()
    databaseUrl = schemaUrl(PG_URL!, schema)
  }
  const dropSchema = async () => {
    if (!schema) return
    const client = new pg.Client({ connectionString: PG_URL })
    await client.connect()
    await client.query(`drop schema ${schema} cascade`)
    await client.end()
  }
  const config = loadConfig({} as NodeJS.ProcessEnv, {
    dataDir,
    databaseUrl,
    logger: false,
    loginRateMax: 1000,
    guardianNewPerHour: 100_000,
    staticDir: join(dataDir, 'no-h5'),
    // The daily job's timer off: a test runs the job itself when it means to (tests/server/recheck.test.ts).
    dailyIntervalMs: 0,
    ...overrides,
  })
  let app: FastifyInstance
  try {
    app = await buildApp({ config, now })
  } catch (err) {
    // A start that failed half-way (a migration, a plugin) leaves no schema behind for other runs to trip on.
    await dropSchema()
    rmSync(dataDir, { recursive: true, force: true })
    throw err
  }
  const file = backend === 'sqlite' ? join(dataDir, 'hutong.sqlite') : undefined
  let workers = 0

  const t: TestApp = {
    app,
    backend,
    config,
    file,
    async close() {
      await app.close()
      await dropSchema()
      rmSync(dataDir, { recursive: true, force: true })
    },
    req(method, url, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers }
      if (opts.token) headers.authorization = `Bearer ${opts.token}`
      if (opts.payload !== undefined)
        return app.inject({
          method: method as never,
          url,
          headers: { 'content-type': 'application/json', ...headers },
          payload: opts.payload,
        })
      return app.inject({ method: method as never, url, headers, ...(opts.body !== undefined ? { payload: opts.body as object } : {}) })
    },
    async guardian(code = `device-${randomUUID()}`) {
      const res = await t.req('POST', '/api/v1/auth/wx-login', { body: { code } })
      if (res.statusCode !== 200) throw new Error(`wx-login ${res.statusCode} ${res.body}`)
      return res.json().token
    },
    async worker(role, region, username = `w${++workers}-${randomBytes(3).toString('hex')}`) {
      const password = 'correct horse battery'
      await addWorker(app.db, { username, passwordHash: await hashPassword(password), role, regionCode: region as string })
      const res = await t.req('POST', '/api/v1/auth/worker-login', { body: { username, password } })
      if (res.statusCode !== 200) throw new Error(`worker-login ${res.statusCode} ${res.body}`)
      return res.json().token
    },
    put: (token, id, body) => t.req('PUT', `/api/v1/registrations/${id}`, { token, body }),
    review: (token, id, body) => t.req('POST', `/api/v1/registrations/${id}/review`, { token, body }),
    async step(token, id, body, status) {
      const res = await t.review(token, id, body)
      expect({ status: res.statusCode, body: res.json() }).toMatchObject({ status: 200, body: status ? { status } : {} })
      return res.json()
    },
    async count(table) {
      const row = await app.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
      return Number(row?.n ?? 0)
    },
  }
  return t
}

/**
 * The roster as a test reads it: the sheet names, and the children's rows of every village sheet (not the
 * summary) keyed by their headings, the three heading rows joined ('B. 家庭情况/父亲/联系电话'; a merged
 * heading counted once).
 */
export async function readRoster(raw: Buffer): Promise<{ sheets: string[]; rows: Record<string, string>[] }> {
  const ExcelJS = (await import('exceljs')).default
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(raw as never)
  const rows: Record<string, string>[] = []
  for (const ws of wb.worksheets.filter((w) => w.name !== '汇总')) {
    const text = (r: number, c: number) => (ws.getCell(r, c).value == null ? '' : String(ws.getCell(r, c).value))
    const width = ws.getRow(3).cellCount
    const headings = Array.from({ length: width }, (_, i) =>
      [text(3, i + 1), text(4, i + 1), text(5, i + 1)].filter((h, k, all) => h && all.indexOf(h) === k).join('/'),
    )
    for (let r = 6; r <= ws.rowCount; r++) {
      if (typeof ws.getCell(r, 1).value !== 'number') continue
      rows.push(Object.fromEntries(headings.map((h, i) => [h, text(r, i + 1)])))
    }
  }
  return { sheets: wb.worksheets.map((w) => w.name), rows }
}

/**
 * SQLite backup and restore (server/src/ops/): the commands' own entry points against a real database file.
 * A backup is a checked, private (0600) copy without the keys; a restore puts it in place only when nothing
 * has the database open, never over data without --force (and then keeps the old file), and never with keys
 * that cannot open it. Under a write load with real processes: tests/drills/backup-restore.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { buildApp } from '../../server/src/app'
import { loadConfig } from '../../server/src/config'
import { main as backupMain } from '../../server/src/ops/backup'
import { main as restoreMain } from '../../server/src/ops/restore'
import { fixture, startApp, uuid, type TestApp } from './helpers'

const quiet = () => undefined
const env = (dataDir: string, extra: Record<string, string> = {}) => ({ DATA_DIR: dataDir, ...extra }) as unknown as NodeJS.ProcessEnv

describe('SQLite backup and restore', () => {
  let t: TestApp
  let work: string
  const ids: string[] = []
  let guardian: string
  beforeAll(async () => {
    t = await startApp('sqlite')
    work = mkdtempSync(join(tmpdir(), 'hutong-backup-'))
    guardian = await t.guardian('device-backup')
    for (const name of ['left-behind', 'orphan', 'disability']) {
      const id = uuid()
      expect((await t.put(guardian, id, fixture(name))).statusCode).toBe(201)
      ids.push(id)
    }
  })
  afterAll(async () => {
    await t.close()
    rmSync(work, { recursive: true, force: true })
  })

  test('a backup of the running database: checked, mode 0600, no temporary file left, and not a byte of any key', async () => {
    const dest = join(work, 'first.sqlite')
    const lines: string[] = []
    expect(await backupMain([dest], env(t.config.dataDir), (l) => lines.push(l))).toBe(0)
    expect(lines[0]).toMatch(/^已备份到 .*first\.sqlite：3 条登记，.*密钥不在备份里/)
    expect(statSync(dest).mode & 0o777).toBe(0o600)
    expect(readdirSync(work)).toEqual(['first.sqlite'])
    const copy = new SQLite(dest, { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    expect((copy.prepare('select id from registrations order by id').all() as { id: string }[]).map((r) => r.id)).toEqual([...ids].sort())
    copy.close()
    const bytes = readFileSync(dest)
    for (const file of ['dev-data-key', 'dev-index-key', 'dev-jwt-secret']) {
      const text = readFileSync(join(t.config.dataDir, file), 'utf8').trim()
      expect({ file, base64: bytes.includes(text), raw: bytes.includes(Buffer.from(text, 'base64')) }).toEqual({
        file,
        base64: false,
        raw: false,
      })
    }
  })

  test('restored into a fresh folder with the same keys, the server reads every record back', async () => {
    const dest = join(work, 'for-fresh.sqlite')
    await backupMain([dest], env(t.config.dataDir), quiet)
    const fresh = mkdtempSync(join(work, 'fresh-'))
    for (const file of ['dev-data-key', 'dev-index-key', 'dev-jwt-secret'])
      writeFileSync(join(fresh, file), readFileSync(join(t.config.dataDir, file)), { mode: 0o600 })
    const lines: string[] = []
    expect(await restoreMain([dest], env(fresh), (l) => lines.push(l))).toBe(0)
    expect(lines[0]).toMatch(/^已恢复到 .*hutong\.sqlite：3 条登记。$/)
    const app = await buildApp({ config: loadConfig(env(fresh), { logger: false }) })
    try {
      for (const [i, name] of ['left-behind', 'orphan', 'disability'].entries()) {
        const res = await app.inject({
          method: 'GET',
          url: `/api/v1/registrations/${ids[i]}`,
          headers: { authorization: `Bearer ${guardian}` },
        })
        expect(res.statusCode).toBe(200)
        expect(res.json().record).toEqual(fixture(name))
      }
    } finally {
      await app.close()
    }
  })

  test('refused while a process has the database open; over data only with --force, keeping the old file', async () => {
    const dest = join(work, 'for-force.sqlite')
    await backupMain([dest], env(t.config.dataDir), quiet)
    // The test app still has its database open: a running server.
    await expect(restoreMain([dest, '--force'], env(t.config.dataDir), quiet)).rejects.toThrow(/正被使用：先停止服务器/)

    const other = await startApp('sqlite')
    const otherGuardian = await other.guardian()
    await other.put(otherGuardian, uuid(), fixture('orphan'))
    const dir = other.config.dataDir
    await other.app.close()
    const files = () =>
      readdirSync(dir)
        .filter((f) => f.startsWith('hutong.sqlite'))
        .sort()
    await expect(restoreMain([dest], env(dir), quiet)).rejects.toThrow(/已有数据（1 条登记、1 个用户）：确认要用备份替换它，请加 --force/)
    expect(files()).toEqual(['hutong.sqlite'])
    // Its own keys cannot open this backup's records: refused before anything is replaced.
    await expect(restoreMain([dest, '--force'], env(dir), quiet)).rejects.toThrow(/无法用当前的数据密钥解密/)
    const sameKeys = {
      HUTONG_DATA_KEY: readFileSync(join(t.config.dataDir, 'dev-data-key'), 'utf8').trim(),
      HUTONG_INDEX_KEY: readFileSync(join(t.config.dataDir, 'dev-index-key'), 'utf8').trim(),
    }
    const lines: string[] = []
    expect(await restoreMain([dest, '--force'], env(dir, sameKeys), (l) => lines.push(l))).toBe(0)
    expect(lines[0]).toMatch(/原数据库保留为 .*hutong\.sqlite\.before-restore-/)
    const [current, kept] = files()
    expect(current).toBe('hutong.sqlite')
    expect(kept).toMatch(/^hutong\.sqlite\.before-restore-/)
    const count = (file: string) => {
      const db = new SQLite(join(dir, file), { readonly: true })
      try {
        return (db.prepare('select count(*) as n from registrations').get() as { n: number }).n
      } finally {
        db.close()
      }
    }
    expect({ restored: count(current), kept: count(kept) }).toEqual({ restored: 3, kept: 1 })
    await other.close()
  })

  test('not a backup, no file, no argument, or PostgreSQL configured: refused with a message', async () => {
    const junk = join(work, 'junk.sqlite')
    writeFileSync(junk, 'not a database')
    const fresh = mkdtempSync(join(work, 'fresh-'))
    await expect(restoreMain([junk], env(fresh), quiet)).rejects.toThrow(/不是 SQLite 数据库文件/)
    const empty = join(work, 'empty.sqlite')
    new SQLite(empty).exec('create table other (x)').close()
    await expect(restoreMain([empty], env(fresh), quiet)).rejects.toThrow(/不是护童登记的数据库备份/)
    await expect(restoreMain([join(work, 'missing.sqlite')], env(fresh), quiet)).rejects.toThrow(/没有备份文件/)
    await expect(restoreMain([], env(fresh), quiet)).rejects.toThrow(/用法：npm run server:restore/)
    await expect(backupMain([], env(fresh), quiet)).rejects.toThrow(/用法：npm run server:backup/)
    await expect(backupMain([join(work, 'x.sqlite')], env(fresh), quiet)).rejects.toThrow(/没有数据库文件/)
    await expect(backupMain([join(work, 'x.sqlite')], env(fresh, { DATABASE_URL: 'postgres://x' }), quiet)).rejects.toThrow(/pg_dump/)
    await expect(restoreMain([junk], env(fresh, { DATABASE_URL: 'postgres://x' }), quiet)).rejects.toThrow(/pg_restore/)
    expect(existsSync(join(fresh, 'hutong.sqlite'))).toBe(false)
  })
})

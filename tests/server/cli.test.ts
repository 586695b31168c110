/**
 * `npm run server:user -- add|list|disable|enable`, run as a child process against the same database
 * as a running app (same DATA_DIR, or the same PostgreSQL schema).
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { BACKENDS, startApp, type TestApp } from './helpers'

const ROOT = join(__dirname, '..', '..')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')

describe.each(BACKENDS)('user CLI (%s)', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startApp(backend)
  })
  afterAll(() => t.close())

  function cliWithInput(input: string | undefined, ...args: string[]) {
    const env = { ...process.env, DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? '' }
    const res = spawnSync(TSX, [join(ROOT, 'server/src/cli.ts'), ...args], { env, encoding: 'utf8', timeout: 30_000, input })
    return { code: res.status, out: res.stdout, err: res.stderr }
  }
  const cli = (...args: string[]) => cliWithInput(undefined, ...args)
  const login = (username: string, password: string) => t.req('POST', '/api/v1/auth/worker-login', { body: { username, password } })

  test('add → the account can log in with its role and region, the password read from stdin and ready at once', async () => {
    const add = cliWithInput(
      'Maoping-2026\n',
      'add',
      'zhang.maoping',
      '--password-stdin',
      '--role',
      'village_worker',
      '--region',
      '441422101200',
      '--name',
      '张主任',
    )
    expect(add).toMatchObject({ code: 0, err: '' })
    expect(add.out).toContain('已创建 zhang.maoping')
    expect(add.out).toContain('广东省梅州市大埔县茶阳镇茅坪村委会')
    const res = await login('zhang.maoping', 'Maoping-2026')
    expect(res.statusCode).toBe(200)
    // An operator's own password is not a one-time one: nothing to change before working.
    expect(res.json().user).toMatchObject({
      role: 'village_worker',
      regionCode: '441422101200',
      displayName: '张主任',
      mustChangePassword: false,
    })
    expect((await t.req('GET', '/api/v1/review/queue', { token: res.json().token })).statusCode).toBe(200)
    const audit = await t.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'user_add').execute()
    expect(audit).toHaveLength(1)
  })

  test('a password on the command line is still accepted, with a warning on stderr', async () => {
    const add = cli('add', 'wang.city', '--password', 'Meizhou-2026', '--role', 'city_admin', '--region', '4414')
    expect(add.code).toBe(0)
    expect(add.err).toContain('--password-stdin')
    expect((await login('wang.city', 'Meizhou-2026')).json().user).toMatchObject({ role: 'city_admin', regionCode: '4414' })
  })

  test('list shows accounts; disable locks out at once; enable lets back in', async () => {
    cli('add', 'li.chayang', '--password', 'Chayang-2026', '--role', 'township_supervisor', '--region', '441422101')
    const token = (await login('li.chayang', 'Chayang-2026')).json().token
    const list = cli('list')
    expect(list.code).toBe(0)
    expect(list.out).toMatch(/li\.chayang\ttownship_supervisor\t441422101\t广东省梅州市大埔县茶阳镇\t\t正常/)
    expect(cli('disable', 'li.chayang')).toMatchObject({ code: 0 })
    expect(cli('list').out).toMatch(/li\.chayang.*已停用/)
    expect((await t.req('GET', '/api/v1/review/queue', { token })).statusCode).toBe(401)
    expect((await login('li.chayang', 'Chayang-2026')).statusCode).toBe(401)
    expect(cli('enable', 'li.chayang')).toMatchObject({ code: 0 })
    expect((await login('li.chayang', 'Chayang-2026')).statusCode).toBe(200)
  })

  test.each([
    [['add', 'user1', '--password', 'long-enough-1', '--role', 'village_worker', '--region', '441422101'], '村（社区）级'],
    [['add', 'user2', '--password', 'long-enough-1', '--role', 'county_admin', '--region', '441422101200'], '县（市、区）级'],
    [['add', 'user3', '--password', 'long-enough-1', '--role', 'admin', '--region', '441422'], '角色'],
    [['add', 'user4', '--password', 'short', '--role', 'county_admin', '--region', '441422'], '密码至少8位'],
    [['add', 'user6', '--password', 'long-enough-1', '--role', 'city_admin', '--region', '441422'], '地市级'],
    [['add', 'user7', '--password', 'long-enough-1', '--role', 'county_admin', '--region', '441422', '--phone', '12345'], '手机号'],
    [['add', 'user5', '--password', 'long-enough-1', '--role', 'village_worker', '--region', '441422101299'], '没有这个区划代码'],
    [['add', 'a b', '--password', 'long-enough-1', '--role', 'county_admin', '--region', '441422'], '用户名'],
    [['disable', 'nobody'], '没有用户'],
    [[], '用法'],
  ])('refuses %j', (args, message) => {
    const res = cli(...args)
    expect(res.code).toBe(1)
    expect(res.err).toContain(message)
  })

  test('a duplicate username is refused', () => {
    expect(cli('add', 'dup.user', '--password', 'long-enough-1', '--role', 'county_admin', '--region', '441422').code).toBe(0)
    const again = cli('add', 'dup.user', '--password', 'long-enough-2', '--role', 'county_admin', '--region', '441422')
    expect(again.code).toBe(1)
    expect(again.err).toContain('已存在')
  })
})

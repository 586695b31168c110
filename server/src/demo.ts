/**
 * Demo mode (`npm start`, or `npm run server -- --demo`): on an empty database, creates worker accounts
 * for 大埔县 茶阳镇 and a few sample registrations, so that a browser can try the whole product at once.
 * Passwords are random (or HUTONG_DEMO_PASSWORD, for automated browser tests), kept in
 * DATA_DIR/demo-accounts.txt (mode 600) and printed at every start in demo mode. Never in production.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { actorOf } from './actor'
import { now } from './clock'
import { audit } from './db/audit'
import { addWorker, upsertGuardian } from './db/users'
import { hashPassword } from './passwords'
import { submit } from './services/submit'
import { createWechatExchange, standInSecret } from './wechat'
import type { AppConfig } from './config'

export const DEMO_ACCOUNTS = [
  { username: 'demo-maoping', role: 'village_worker', region: '441422101200', name: '茅坪村儿童主任' },
  { username: 'demo-zuobi', role: 'village_worker', region: '441422101201', name: '左弼村儿童主任' },
  { username: 'demo-chayang', role: 'township_supervisor', region: '441422101', name: '茶阳镇儿童督导员' },
  { username: 'demo-dabu', role: 'county_admin', region: '441422', name: '大埔县民政局' },
] as const

const FIXTURES = join(__dirname, '..', '..', 'tests', 'fixtures', 'registrations')

const DEMO_USERNAMES = DEMO_ACCOUNTS.map((a) => a.username)

/**
 * Sets the demo accounts' `disabled` flag; the ids whose flag changed (each change audited). Their passwords
 * are printed at every demo start and kept in a file: on a server started without demo they must not work.
 */
async function setDemoDisabled(app: FastifyInstance, disabled: boolean): Promise<string[]> {
  return app.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('users')
      .select(['id', 'username', 'region_code'])
      .where('kind', '=', 'worker')
      .where('username', 'in', DEMO_USERNAMES)
      .where('disabled', '=', disabled ? 0 : 1)
      .execute()
    if (rows.length === 0) return []
    await trx
      .updateTable('users')
      .set({ disabled: disabled ? 1 : 0, updated_at: now() })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute()
    for (const r of rows) {
      await audit(trx, {
        actor: { id: 'demo', role: 'demo' },
        action: disabled ? 'user_disable' : 'user_enable',
        targetType: 'user',
        targetId: r.id,
        regionCode: r.region_code,
        detail: { username: r.username, demo: true, why: disabled ? 'started without demo' : 'demo start' },
      })
    }
    return rows.map((r) => r.id)
  })
}

/**
 * A start without demo: every demo account is disabled, with a warning at every such start while they
 * exist, so that an operator who once tried the demo on the real database sees it and can remove them.
 */
export async function disableDemoAccounts(app: FastifyInstance): Promise<{ present: number; disabled: number }> {
  const disabled = await setDemoDisabled(app, true)
  const present = await app.db
    .selectFrom('users')
    .select('id')
    .where('kind', '=', 'worker')
    .where('username', 'in', DEMO_USERNAMES)
    .execute()
  if (present.length > 0) {
    app.log.warn(
      { demoAccounts: present.length, disabledNow: disabled.length },
      '警告 WARNING: 数据库中有演示账号（demo-*），未以演示模式启动，已全部停用，不能登录；正式使用请删除这些账号和演示登记',
    )
  }
  return { present: present.length, disabled: disabled.length }
}

export async function seedDemo(app: FastifyInstance, config: Pick<AppConfig, 'dataDir' | 'jwtSecret'>): Promise<string> {
  const file = join(config.dataDir, 'demo-accounts.txt')
  // A start without demo disabled them; this demo start makes them usable again.
  await setDemoDisabled(app, false)
  const empty = !(await app.db.selectFrom('users').select('id').limit(1).executeTakeFirst())
  if (empty) {
    const lines = ['# 演示账号（仅用于本机演示）：用户名 密码 角色 地区']
    for (const a of DEMO_ACCOUNTS) {
      const password = process.env.HUTONG_DEMO_PASSWORD || randomBytes(6).toString('base64url')
      const user = await addWorker(app.db, {
        username: a.username,
        passwordHash: await hashPassword(password),
        role: a.role,
        regionCode: a.region,
        displayName: a.name,
      })
      await audit(app.db, {
        actor: { id: 'demo', role: 'demo' },
        action: 'user_add',
        targetType: 'user',
        targetId: user.id,
        regionCode: a.region,
        detail: { username: a.username, demo: true },
      })
      lines.push(`${a.username}\t${password}\t${a.name}\t${app.regions.fullName(a.region)}`)
    }
    lines.push('# 演示监护人：在浏览器打开 /?device=demo-guardian 即以演示监护人身份看到示例登记')
    writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 })
    // Sample registrations from one demo guardian (WeChat code "demo-guardian" in the H5 stand-in).
    if (existsSync(FIXTURES)) {
      const { openid } = await createWechatExchange(standInSecret(config.jwtSecret))('demo-guardian')
      const guardian = actorOf(await upsertGuardian(app.db, openid))
      for (const name of readdirSync(FIXTURES)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        await submit(app, guardian, randomUUID(), JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')), '127.0.0.1')
      }
    }
  }
  return existsSync(file) ? readFileSync(file, 'utf8') : ''
}

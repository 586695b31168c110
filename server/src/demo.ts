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
import { audit } from './db/audit'
import { addWorker, upsertGuardian } from './db/users'
import { hashPassword } from './passwords'
import { submit } from './services/submit'
import { createStandInExchange, standInSecret } from './wechat'
import type { AppConfig } from './config'

export const DEMO_ACCOUNTS = [
  { username: 'demo-maoping', role: 'village_worker', region: '441422101200', name: '茅坪村儿童主任' },
  { username: 'demo-zuobi', role: 'village_worker', region: '441422101201', name: '左弼村儿童主任' },
  { username: 'demo-chayang', role: 'township_supervisor', region: '441422101', name: '茶阳镇儿童督导员' },
  { username: 'demo-dabu', role: 'county_admin', region: '441422', name: '大埔县民政局' },
] as const

const FIXTURES = join(__dirname, '..', '..', 'tests', 'fixtures', 'registrations')

export async function seedDemo(app: FastifyInstance, config: Pick<AppConfig, 'dataDir' | 'jwtSecret'>): Promise<string> {
  const file = join(config.dataDir, 'demo-accounts.txt')
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
      const { openid } = await createStandInExchange(standInSecret(config.jwtSecret))('demo-guardian')
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

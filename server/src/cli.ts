/**
 * Worker accounts, from the command line (same DATA_DIR / DATABASE_URL as the server):
 *   npm run server:user -- add <username> --password <pw> --role <village_worker|township_supervisor|county_admin> --region <code> [--name <姓名>]
 *   npm run server:user -- list
 *   npm run server:user -- disable <username>      (takes effect on the user's next request)
 *   npm run server:user -- enable <username>
 * Each change is written to the audit log. Exit code 0 on success, 1 on any error (message on stderr).
 */
import { resolve } from 'node:path'
import { parseRegionCode } from '../../src/domain/regions'
import type { Role } from '../../src/domain/status'
import { audit } from './db/audit'
import { connect } from './db/connect'
import { migrateToLatest } from './db/migrate'
import { addWorker, findWorker, listWorkers, setDisabled } from './db/users'
import { hashPassword } from './passwords'
import { regionIndex } from './regions'

const LEVEL_OF_ROLE: Record<Exclude<Role, 'guardian'>, string> = {
  village_worker: 'village',
  township_supervisor: 'township',
  county_admin: 'county',
}
const USAGE =
  '用法：server:user -- add <用户名> --password <密码> --role <village_worker|township_supervisor|county_admin> --region <区划代码> [--name <姓名>] | list | disable <用户名> | enable <用户名>'

function flags(args: string[]) {
  const out: Record<string, string> = {}
  const rest: string[] = []
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) out[args[i].slice(2)] = args[++i] ?? ''
    else rest.push(args[i])
  }
  return { flags: out, rest }
}

/** Checks an account before it is created; returns the error message or undefined. */
export function checkWorker(username: string, password: string, role: string, region: string): string | undefined {
  if (!/^[A-Za-z0-9_.-]{3,64}$/.test(username ?? '')) return '用户名应为3到64位字母、数字、下划线、点或连字符'
  if ((password ?? '').length < 8) return '密码至少8位'
  if (!(role in LEVEL_OF_ROLE)) return `角色应为 ${Object.keys(LEVEL_OF_ROLE).join('、')} 之一`
  const parsed = parseRegionCode(region ?? '')
  if (!parsed.ok) return `区划代码不对：${parsed.reason}`
  if (!regionIndex().name(region)) return `没有这个区划代码：${region}`
  // A village worker bound to a county would see a whole county: the level must match the role.
  const expected = LEVEL_OF_ROLE[role as keyof typeof LEVEL_OF_ROLE]
  if (parsed.level !== expected)
    return `${role} 的管辖地区应为${{ village: '村（社区）', township: '乡镇（街道）', county: '县（市、区）' }[expected]}级代码`
  return undefined
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  const { flags: f, rest } = flags(args)
  const { db } = connect({
    dataDir: resolve(process.env.DATA_DIR ?? './data'),
    databaseUrl: process.env.DATABASE_URL || undefined,
    poolMax: 1,
  })
  const cli = { id: 'cli', role: 'cli' }
  try {
    await migrateToLatest(db)
    switch (command) {
      case 'add': {
        const [username] = rest
        const error = checkWorker(username, f.password, f.role, f.region)
        if (error) throw new Error(error)
        if (await findWorker(db, username)) throw new Error(`用户 ${username} 已存在`)
        const parsed = parseRegionCode(f.region)
        const regionCode = parsed.ok ? parsed.prefix : f.region
        const user = await addWorker(db, {
          username,
          passwordHash: await hashPassword(f.password),
          role: f.role as never,
          regionCode,
          displayName: f.name,
        })
        await audit(db, {
          actor: cli,
          action: 'user_add',
          targetType: 'user',
          targetId: user.id,
          regionCode,
          detail: { username, role: f.role },
        })
        console.log(`已创建 ${username}（${f.role}，${regionIndex().fullName(regionCode)} ${regionCode}）`)
        return 0
      }
      case 'list': {
        for (const u of await listWorkers(db)) {
          console.log(
            [
              u.username,
              u.role,
              u.region_code,
              regionIndex().fullName(u.region_code ?? '') ?? '',
              u.display_name ?? '',
              u.disabled ? '已停用' : '正常',
            ].join('\t'),
          )
        }
        return 0
      }
      case 'disable':
      case 'enable': {
        const [username] = rest
        if (!username || !(await setDisabled(db, username, command === 'disable'))) throw new Error(`没有用户 ${username ?? ''}`)
        await audit(db, { actor: cli, action: `user_${command}`, targetType: 'user', detail: { username } })
        console.log(`${command === 'disable' ? '已停用' : '已启用'} ${username}`)
        return 0
      }
      default:
        console.error(USAGE)
        return 1
    }
  } finally {
    await db.destroy()
  }
}

// Run only when started as a program (tests import `main`). Not `require.main`: the mini-program typings
// that Taro pulls in redeclare the global `require` without it.
if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (err: Error) => {
      console.error(err.message)
      process.exitCode = 1
    },
  )
}

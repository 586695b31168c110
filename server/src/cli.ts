/**
 * Worker accounts, from the command line (same DATA_DIR / DATABASE_URL as the server):
 *   echo "$PW" | npm run server:user -- add <username> --password-stdin --role <role> --region <code> [--name <姓名>] [--phone <手机号>]
 *   npm run server:user -- add <username> --password <pw> …   (still accepted for scripts, with a warning:
 *                                                               a password on the command line shows in `ps` and the shell history)
 *   npm run server:user -- list
 *   npm run server:user -- disable <username>      (takes effect on the user's next request)
 *   npm run server:user -- enable <username>
 * Roles: village_worker, township_supervisor, county_admin, city_admin, province_admin; the region's level
 * must match the role. A password the operator chose is ready at once (no change forced at first sign-in).
 * Disabling ends the account's sessions. Each change is written to the audit log. Exit code 0 on success,
 * 1 on any error (message on stderr).
 */
import { resolve } from 'node:path'
import { LEVEL_LABELS, LEVEL_OF_ROLE, PHONE_PATTERN, passwordProblem } from '../../src/domain/accounts'
import { parseRegionCode } from '../../src/domain/regions'
import { audit } from './db/audit'
import { connect } from './db/connect'
import { migrateToLatest } from './db/migrate'
import { addWorker, findWorker, listWorkers, setDisabled } from './db/users'
import { hashPassword } from './passwords'
import { regionIndex } from './regions'

const USAGE = `用法：server:user -- add <用户名> --password-stdin --role <${Object.keys(LEVEL_OF_ROLE).join('|')}> --region <区划代码> [--name <姓名>] [--phone <手机号>] | list | disable <用户名> | enable <用户名>`
/** Flags that take no value. */
const SWITCHES = new Set(['password-stdin'])

function flags(args: string[]) {
  const out: Record<string, string> = {}
  const rest: string[] = []
  for (let i = 0; i < args.length; i++) {
    if (SWITCHES.has(args[i].slice(2))) out[args[i].slice(2)] = '1'
    else if (args[i].startsWith('--')) out[args[i].slice(2)] = args[++i] ?? ''
    else rest.push(args[i])
  }
  return { flags: out, rest }
}

/** The first line on stdin (a pipe or a here-string), without its line end. */
async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0]
}

/** Checks an account before it is created; returns the error message or undefined. */
export function checkWorker(username: string, password: string, role: string, region: string): string | undefined {
  if (!/^[A-Za-z0-9_.-]{3,64}$/.test(username ?? '')) return '用户名应为3到64位字母、数字、下划线、点或连字符'
  const weak = passwordProblem(password ?? '', username)
  if (weak) return weak
  if (!Object.prototype.hasOwnProperty.call(LEVEL_OF_ROLE, role)) return `角色应为 ${Object.keys(LEVEL_OF_ROLE).join('、')} 之一`
  const parsed = parseRegionCode(region ?? '')
  if (!parsed.ok) return `区划代码不对：${parsed.reason}`
  if (!regionIndex().name(region)) return `没有这个区划代码：${region}`
  // A village worker bound to a county would see a whole county: the level must match the role.
  const expected = LEVEL_OF_ROLE[role as keyof typeof LEVEL_OF_ROLE]
  if (parsed.level !== expected) return `${role} 的管辖地区应为${LEVEL_LABELS[expected]}级代码`
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
        if (f['password-stdin']) f.password = await readStdinLine()
        else if (f.password !== undefined)
          console.error('警告：命令行上的密码会留在 ps 和 shell 历史记录中；请改用 --password-stdin 从标准输入读入')
        if (f.phone !== undefined && !PHONE_PATTERN.test(f.phone)) throw new Error('手机号应为11位')
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
          phone: f.phone,
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

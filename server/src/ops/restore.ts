/**
 * `npm run server:restore -- <backup file> [--force]` — puts a backup made by server:backup in place as
 * DATA_DIR/hutong.sqlite. Only while the server is stopped (refused while any process has the database
 * open); refused over a database that holds data unless --force (the old file is then kept beside it).
 * When the keys are known (HUTONG_DATA_KEY / HUTONG_INDEX_KEY, or DATA_DIR's development keys), a backup they
 * cannot decrypt is refused. With DATABASE_URL set, use pg_restore instead. Exit code 0 on success, 1 on an error.
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { existingKeys } from '../config'
import { restoreSqlite } from './sqlite-backup'

export async function main(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = console.log,
): Promise<number> {
  const [backup] = args.filter((a) => !a.startsWith('--'))
  if (!backup) throw new Error('用法：npm run server:restore -- <备份文件> [--force]')
  if (env.DATABASE_URL) throw new Error('设置了 DATABASE_URL（PostgreSQL）：请用 pg_restore 恢复，见 docs/operations.md')
  const dataDir = resolve(env.DATA_DIR ?? './data')
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const keys = existingKeys(env, dataDir)
  const r = restoreSqlite(backup, dataDir, { force: args.includes('--force'), keys })
  out(
    `已恢复到 ${r.file}：${r.registrations} 条登记。${r.keptAs ? `原数据库保留为 ${r.keptAs}。` : ''}` +
      (keys ? '' : '没有找到密钥：启动服务器前请设置该备份所属部署的 HUTONG_DATA_KEY、HUTONG_INDEX_KEY、HUTONG_JWT_SECRET。'),
  )
  return 0
}

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

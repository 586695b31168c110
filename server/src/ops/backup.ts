/**
 * `npm run server:backup -- <file>` — a consistent copy of the SQLite database (DATA_DIR/hutong.sqlite),
 * taken while the server runs, written atomically to <file>. The keys are not in it: keep them apart
 * (docs/operations.md). With DATABASE_URL set, use pg_dump instead. Exit code 0 on success, 1 on an error.
 */
import { resolve } from 'node:path'
import { backupSqlite } from './sqlite-backup'

export async function main(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = console.log,
): Promise<number> {
  const [dest] = args.filter((a) => !a.startsWith('--'))
  if (!dest) throw new Error('用法：npm run server:backup -- <备份文件>')
  if (env.DATABASE_URL) throw new Error('设置了 DATABASE_URL（PostgreSQL）：请用 pg_dump 备份，见 docs/operations.md')
  const r = await backupSqlite(resolve(env.DATA_DIR ?? './data'), dest)
  out(
    `已备份到 ${r.file}：${r.registrations} 条登记，${(r.bytes / 1024 / 1024).toFixed(1)} MB，用时 ${(r.ms / 1000).toFixed(1)} 秒。` +
      '密钥不在备份里：请另行保管 HUTONG_DATA_KEY、HUTONG_INDEX_KEY、HUTONG_JWT_SECRET。',
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

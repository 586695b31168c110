/**
 * `npm run server:reencrypt` — after a key rotation (docs/operations.md), rewrites every stored record and
 * event detail under the first key of HUTONG_DATA_KEY and remakes every lookup hash under the first key of
 * HUTONG_INDEX_KEY. Same environment as the server; safe while the server runs; stopped and run again, it
 * goes on where it stopped.
 *   npm run server:reencrypt                 rotate, then report what is left under other keys
 *   npm run server:reencrypt -- --check      only report which keys the stored rows are under
 *   options: --batch <rows, default 200> --pause <ms between batches, default 20>
 * Exit code 0 when nothing is left under another key (the old keys may then be removed), 2 when something is
 * (an instance still running with the old key list wrote it: restart it, run this again), 1 on an error.
 */
import { resolve } from 'node:path'
import { loadConfig } from '../config'
import { connect } from '../db/connect'
import { migrateToLatest } from '../db/migrate'
import { createVault } from '../vault'
import { keyUsage, reencrypt, remaining } from './rotation'

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`)
  const value = i === -1 ? fallback : Number(args[i + 1])
  if (!Number.isInteger(value) || value < 0 || (name === 'batch' && value < 1)) throw new Error(`--${name} 应为非负整数`)
  return value
}

export async function main(args: string[], out: (line: string) => void = console.log): Promise<number> {
  const config = loadConfig(process.env, { logger: false, wechat: undefined })
  const vault = createVault(config.dataKeys, config.indexKeys)
  const { db } = connect({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolMax: 2 })
  try {
    await migrateToLatest(db)
    out(
      `当前数据密钥 ${vault.dataKeyIds[0]}（共 ${vault.dataKeyIds.length} 个：${vault.dataKeyIds.join('、')}），当前索引密钥 ${vault.indexKeyIds[0]}（共 ${vault.indexKeyIds.length} 个：${vault.indexKeyIds.join('、')}）`,
    )
    if (!args.includes('--check')) {
      const started = Date.now()
      let last = 0
      const report = await reencrypt(db, vault, {
        batchSize: option(args, 'batch', 200),
        pauseMs: option(args, 'pause', 20),
        onProgress(what, done, total) {
          if (Date.now() - last < 2000 && done < total) return
          last = Date.now()
          out(`${what === 'records' ? '登记' : what === 'events' ? '历史记录' : what === 'visits' ? '走访记录' : what} ${done}/${total}`)
        },
      })
      const others = Object.values(report.columns)
      const sum = (key: 'rewritten' | 'changedMeanwhile') => others.reduce((n, c) => n + c[key], 0)
      out(
        `已重新加密登记 ${report.records.rewritten} 条、历史记录 ${report.events.rewritten} 条、走访记录 ${report.visits.rewritten} 条、迁移 ${report.transfers.rewritten} 条、其他加密内容 ${sum('rewritten')} 条` +
          `（其间被修改、已由服务器按新密钥写入的：${report.records.changedMeanwhile + report.events.changedMeanwhile + report.visits.changedMeanwhile + report.transfers.changedMeanwhile + sum('changedMeanwhile')} 条），用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
      )
    }
    const usage = await keyUsage(db)
    out(
      `登记内容按数据密钥：${JSON.stringify(usage.records)}；查找索引按索引密钥：${JSON.stringify(usage.lookups)}；历史记录按数据密钥：${JSON.stringify(usage.events)}；走访记录按数据密钥：${JSON.stringify(usage.visits)}；迁移按数据密钥：${JSON.stringify(usage.transfers)}；其他加密内容按数据密钥：${JSON.stringify(usage.columns)}`,
    )
    const left = remaining(usage, vault)
    if (left.records + left.lookups + left.events + left.visits + left.transfers + left.columns === 0) {
      out('全部数据已在当前密钥下：旧密钥可以从 HUTONG_DATA_KEY / HUTONG_INDEX_KEY 中移除。')
      return 0
    }
    out(
      `仍有 ${left.records} 条登记、${left.lookups} 条索引、${left.events} 条历史记录、${left.visits} 条走访记录、${left.transfers} 条迁移、${left.columns} 条其他加密内容不在当前密钥下：确认所有实例都已使用新的密钥列表后再运行一次。`,
    )
    return 2
  } finally {
    await db.destroy()
  }
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

/**
 * `npm run server:daily` — the daily job once, now, for cron (docs/lifecycle.md, "The daily re-check"): every
 * confirmed record read again with today's rules; what no longer holds goes on the village worker's 待复核
 * list. Same environment as the server (DATA_DIR or DATABASE_URL, the keys, REDIS_URL for the cluster lock).
 * Runs even if the server already ran today's pass (it is safe to repeat). Exit code 0, or 1 on an error.
 */
import { resolve } from 'node:path'
import { buildApp } from '../app'
import { applyTestClock } from '../clock'
import { loadConfig } from '../config'
import { runDaily } from '../services/recheck'

export async function main(env: NodeJS.ProcessEnv = process.env, out: (line: string) => void = console.log): Promise<number> {
  applyTestClock(env)
  // The server's own timer stays off here: this process runs the job once and exits.
  const app = await buildApp({ config: loadConfig(env, { dailyIntervalMs: 0, logger: false }) })
  try {
    const run = await runDaily(app, true)
    if (!run) {
      out('另一台服务器正在运行每日复核，本次未运行。')
      return 0
    }
    out(`${run.day} 每日复核完成：检查 ${run.checked} 条已确认的登记，新列入待复核 ${run.flagged} 条，移出待复核 ${run.cleared} 条。`)
    return 0
  } finally {
    await app.close()
  }
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  main().then(
    (code) => {
      process.exitCode = code
    },
    (err: Error) => {
      console.error(err.message)
      process.exitCode = 1
    },
  )
}

/**
 * Starts the server: `npm run server` (API, and the H5 build at `/` when dist/h5 exists), or
 * `npm start` (builds both front ends first and runs in demo mode). Environment: docs/server.md;
 * running it for real (systemd, nginx, several instances): docs/operations.md.
 *
 * SIGTERM or SIGINT closes it drained (no new connections, every request received answered, idle
 * connections closed, database and Redis closed) and exits 0; if that takes over 10 s it exits 1. The signal
 * must reach this process: a service manager should start node directly, not through `npm run`, whose
 * shell may not pass it on.
 */
import closeWithGrace from 'close-with-grace'
import { buildApp } from './app'
import { applyTestClock } from './clock'
import { loadConfig } from './config'
import { disableDemoAccounts, seedDemo } from './demo'
import { startupLineOf } from './startup'

const SHUTDOWN_GRACE_MS = 10_000

async function main() {
  const demo = process.argv.includes('--demo') || process.env.HUTONG_DEMO === '1'
  if (demo && process.env.NODE_ENV === 'production') throw new Error('演示模式不能在生产环境中使用')
  // Tests only (an end-to-end test that needs a child to turn 16): the clock starts at this instant and runs on.
  applyTestClock()
  const config = loadConfig()
  const app = await buildApp({ config })
  let first: { signal?: string; at: number } | undefined
  const onSecondSignal = (signal: string) => {
    // Ctrl-C in a terminal, or a stop of a process group, reaches this process twice when it runs under
    // npm/tsx (once directly, once relayed): the same signal again within a second is that echo, not an
    // impatient operator asking to stop at once.
    if (signal === first?.signal && Date.now() - first.at < 1000) return
    app.log.error('%s again: exiting without waiting', signal)
    process.exit(1)
  }
  closeWithGrace(
    { delay: SHUTDOWN_GRACE_MS, logger: { error: (m: unknown) => app.log.error(m) }, onSecondSignal },
    async ({ signal, err }) => {
      first = { signal, at: Date.now() }
      if (err) app.log.error({ err }, 'closing after an error')
      else app.log.info('%s: closing (drained, at most %d s)', signal ?? 'exit', SHUTDOWN_GRACE_MS / 1000)
      await app.close()
    },
  )
  if (demo) {
    const accounts = await seedDemo(app, config)
    // Straight to stdout (the logger writes asynchronously and would interleave).
    process.stdout.write(`\n演示模式 demo mode — ${config.dataDir}/demo-accounts.txt:\n${accounts}\n`)
  } else {
    const { present } = await disableDemoAccounts(app)
    // Also on the terminal, where the operator looks, not only in the log.
    if (present > 0) process.stderr.write(`\n!!! 警告：数据库中有 ${present} 个演示账号（demo-*），本次未以演示模式启动，已全部停用。\n\n`)
  }
  const port = Number(process.env.PORT ?? 8080)
  const host = process.env.HOST ?? '127.0.0.1'
  await app.listen({ port, host })
  app.log.info(
    { dataKeys: app.vault.dataKeyIds, indexKeys: app.vault.indexKeyIds, sharedState: app.sharedState.kind, metrics: !!app.metricsRegistry },
    'keys and shared state',
  )
  const line = startupLineOf(app, config)
  // A plain line for the person at the terminal; in JSON mode on stderr, so that stdout stays one JSON object per line.
  const terminal = config.logFormat === 'json' ? process.stderr : process.stdout
  terminal.write(`${line}\n`)
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})

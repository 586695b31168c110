/**
 * Starts the server: `npm run server` (API, and the H5 build at `/` when dist/h5 exists), or
 * `npm start` (builds both front ends first and runs in demo mode). Environment: docs/server.md.
 */
import { buildApp } from './app'
import { loadConfig } from './config'
import { seedDemo } from './demo'

async function main() {
  const demo = process.argv.includes('--demo') || process.env.HUTONG_DEMO === '1'
  if (demo && process.env.NODE_ENV === 'production') throw new Error('演示模式不能在生产环境中使用')
  const config = loadConfig()
  const app = await buildApp({ config })
  if (demo) {
    const accounts = await seedDemo(app, config)
    // Straight to stdout (the logger writes asynchronously and would interleave).
    process.stdout.write(`\n演示模式 demo mode — ${config.dataDir}/demo-accounts.txt:\n${accounts}\n`)
  }
  const port = Number(process.env.PORT ?? 8080)
  const host = process.env.HOST ?? '127.0.0.1'
  await app.listen({ port, host })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info('%s: closing', signal)
      app.close().then(() => process.exit(0), () => process.exit(1))
    })
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})

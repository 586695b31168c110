/**
 * The daily job (docs/lifecycle.md, "The daily re-check"), run by the server itself: shortly after start-up
 * and then every `intervalMs`, the server asks whether today's run (by the server's clock, China date) has
 * been done; if not, one instance of the cluster takes the lock and runs it, and the others skip it. The
 * same job runs from cron with `npm run server:daily`.
 */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { runDaily } from '../services/recheck'

export default fp(
  async (app: FastifyInstance, opts: { intervalMs: number }) => {
    if (!opts.intervalMs) return
    let timer: NodeJS.Timeout | undefined
    let running: Promise<unknown> | undefined
    const tick = () => {
      // A run still going (a large county) is not started twice in this process; the lock covers the others.
      if (running) return
      running = runDaily(app)
        .catch((err) => app.log.error({ err }, 'daily job failed; it runs again on the next tick'))
        .finally(() => {
          running = undefined
        })
    }
    app.addHook('onReady', async () => {
      // Not awaited: start-up does not wait for a pass over every confirmed record.
      setImmediate(tick)
      timer = setInterval(tick, opts.intervalMs)
      timer.unref()
    })
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer)
      await running
    })
  },
  { name: 'daily', dependencies: ['db', 'vault'] },
)

/**
 * The shared state (../shared/state.ts) as `app.sharedState`: Redis when REDIS_URL is set, this process's
 * memory otherwise. Closed after the last request has been answered.
 */
import fp from 'fastify-plugin'
import { redisState } from '../shared/redis'
import { memoryState, type SharedState } from '../shared/state'

declare module 'fastify' {
  interface FastifyInstance {
    sharedState: SharedState
  }
}

export interface SharedStateOptions {
  redisUrl?: string
  redisPrefix: string
  /** An already opened state (tests); the app then leaves closing it to the caller. */
  state?: SharedState
}

export default fp<SharedStateOptions>(
  async (app, opts) => {
    const log = { warn: (m: string) => app.log.warn(m), info: (m: string) => app.log.info(m) }
    const state = opts.state ?? (opts.redisUrl ? await redisState(opts.redisUrl, opts.redisPrefix, log) : memoryState())
    app.decorate('sharedState', state)
    if (!opts.state) app.addHook('onClose', async () => state.close())
  },
  { name: 'shared-state' },
)

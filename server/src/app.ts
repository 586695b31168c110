/**
 * The application as a Fastify plugin (no listen): tests build it and call `app.inject`, main.ts serves it.
 * Tiers in order: error shape → shared state (memory or Redis) → security headers and limits → metrics →
 * services (db, vault, regions, auth) → the API under /api/v1 → the H5 build at `/`.
 */
import { existsSync } from 'node:fs'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'
import { loadConfig, type AppConfig } from './config'
import type { Db } from './db/connect'
import { HttpError, installErrorHandlers, toBody } from './errors'
import authPlugin from './plugins/auth'
import { loggerOptions, requestId } from './logging'
import dailyPlugin from './plugins/daily'
import dbPlugin from './plugins/db'
import drainPlugin from './plugins/drain'
import metricsPlugin, { createMetrics } from './plugins/metrics'
import regionsPlugin from './plugins/regions'
import securityPlugin from './plugins/security'
import sharedStatePlugin from './plugins/shared-state'
import { registerStaticFiles } from './plugins/static-files'
import vaultPlugin from './plugins/vault'
import accountRoutes from './routes/accounts'
import wechatPlugin from './plugins/wechat'
import authRoutes from './routes/auth'
import formRoutes from './routes/forms'
import healthRoutes from './routes/health'
import meRoutes from './routes/me'
import regionRoutes from './routes/regions'
import registrationRoutes from './routes/registrations'
import quarterlyRoutes from './routes/quarterly'
import reportRoutes from './routes/reports'
import reviewRoutes from './routes/review'
import statsRoutes from './routes/stats'
import visitRoutes from './routes/visits'
import transferRoutes from './routes/transfers'
import type { SharedState } from './shared/state'
import { createWechatExchange } from './wechat'

export const BODY_LIMIT = 256 * 1024

export interface AppOptions {
  config: AppConfig
  /** An opened database to use instead of opening one from the config. */
  db?: Db
  /** An opened shared state to use instead of the config's (tests: two apps on one state). */
  sharedState?: SharedState
  /** A clock for token issue and expiry (tests). */
  now?: () => number
  /** false: one commit per write on SQLite too, for the benchmark's side-by-side run (default: group commit). */
  groupCommit?: boolean
}

export async function app(fastify: FastifyInstance, opts: AppOptions) {
  const { config } = opts
  installErrorHandlers(fastify)
  // JSON only: a text/plain body would otherwise reach the handlers as a string.
  fastify.removeContentTypeParser('text/plain')
  // The mini-program sends `Content-Type: application/json` on every request, also on a bodiless POST
  // (withdraw): an empty body is "no body", not an error. Everything else goes to Fastify's own parser
  // (which also refuses __proto__ / constructor.prototype keys).
  const parseJson = fastify.getDefaultJsonParser('error', 'error')
  fastify.removeContentTypeParser('application/json')
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body.toString()
    if (text.trim() === '') return done(null, undefined)
    return parseJson(req, text, done)
  })
  const staticDir = config.staticDir && existsSync(config.staticDir) ? config.staticDir : undefined
  await fastify.register(drainPlugin)
  await fastify.register(sharedStatePlugin, { redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, state: opts.sharedState })
  await fastify.register(securityPlugin, { corsOrigins: config.corsOrigins, staticDir, sharedState: fastify.sharedState })
  const metrics = config.metricsToken ? createMetrics() : undefined
  await fastify.register(metricsPlugin, { token: config.metricsToken, metrics })
  await fastify.register(dbPlugin, {
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    db: opts.db,
    plugins: metrics ? [metrics.queryTimer] : [],
    groupCommit: opts.groupCommit,
  })
  await fastify.register(vaultPlugin, { dataKeys: config.dataKeys, indexKeys: config.indexKeys })
  await fastify.register(regionsPlugin)
  await fastify.register(authPlugin, { jwtSecret: config.jwtSecret, now: opts.now })
  await fastify.register(wechatPlugin, { wechat: config.wechat })

  await fastify.register(
    async (api) => {
      await api.register(authRoutes, { exchange: createWechatExchange(config), loginRateMax: config.loginRateMax })
      await api.register(registrationRoutes, { guardianNewPerHour: config.guardianNewPerHour })
      await api.register(reviewRoutes)
      await api.register(quarterlyRoutes)
      await api.register(reportRoutes, { perHour: config.reportsPerHour, perVillagePerHour: config.reportsPerVillagePerHour })
      await api.register(statsRoutes, { visitIntervals: config.visitIntervals })
      await api.register(visitRoutes, { intervals: config.visitIntervals })
      await api.register(transferRoutes)
      await api.register(formRoutes)
      await api.register(regionRoutes)
      await api.register(accountRoutes)
      await api.register(meRoutes)
    },
    { prefix: '/api/v1' },
  )
  await fastify.register(healthRoutes)
  await fastify.register(dailyPlugin, { intervalMs: config.dailyIntervalMs })

  if (staticDir) await registerStaticFiles(fastify, { root: staticDir, precompressed: config.staticPrecompressed })
}

/** A ready Fastify instance with the app registered. */
export async function buildApp(
  opts: Partial<AppOptions> & { logger?: FastifyServerOptions['logger']; logStream?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  const config = opts.config ?? loadConfig()
  const fastify = Fastify({
    // Request lines: id, method, route, path without the query string, caller (./logging.ts).
    logger:
      opts.logger ?? (opts.logStream ? loggerOptions('json', opts.logStream) : config.logger ? loggerOptions(config.logFormat) : false),
    genReqId: requestId,
    // A URL Fastify cannot even parse (`/%`): the same error shape as every other refusal.
    frameworkErrors: (_err, _req, reply: FastifyReply) => reply.code(400).send(toBody(new HttpError(400, 'bad_url', '请求的地址格式不对'))),
    bodyLimit: BODY_LIMIT,
    // Rate limits and audit rows use req.ip; behind a reverse proxy set HUTONG_TRUST_PROXY to the number of
    // proxies (1 for one nginx) or their addresses (config.ts).
    // A hop count trusts the nearest n addresses whoever they are (Fastify's own number option trusts none):
    // right when only the proxy can reach this port (HOST=127.0.0.1); addresses are the stricter choice.
    trustProxy:
      typeof config.trustProxy === 'number' ? (_address: string, hop: number) => hop < (config.trustProxy as number) : config.trustProxy,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    // While closing, a request on an open keep-alive connection is still answered (with Connection: close,
    // ./plugins/drain.ts) rather than refused with a bare 503: what reached the server is handled once.
    return503OnClosing: false,
  })
  // fp: the app's decorators (db, vault, regions) stay visible on the returned instance, for the demo seed and tests.
  await fastify.register(fp(app), { config, db: opts.db, sharedState: opts.sharedState, now: opts.now, groupCommit: opts.groupCommit })
  await fastify.ready()
  return fastify
}

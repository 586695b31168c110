/**
 * The application as a Fastify plugin (no listen): tests build it and call `app.inject`, main.ts serves it.
 * Tiers in order: error shape → security headers and limits → services (db, vault, regions, auth) →
 * the API under /api/v1 → the H5 build at `/`.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import fastifyStatic from '@fastify/static'
import fp from 'fastify-plugin'
import { loadConfig, type AppConfig } from './config'
import type { Db } from './db/connect'
import { installErrorHandlers } from './errors'
import authPlugin from './plugins/auth'
import dbPlugin from './plugins/db'
import regionsPlugin from './plugins/regions'
import securityPlugin from './plugins/security'
import vaultPlugin from './plugins/vault'
import authRoutes from './routes/auth'
import formRoutes from './routes/forms'
import healthRoutes from './routes/health'
import regionRoutes from './routes/regions'
import registrationRoutes from './routes/registrations'
import reviewRoutes from './routes/review'
import statsRoutes from './routes/stats'
import { createWechatExchange, standInSecret } from './wechat'

export const BODY_LIMIT = 256 * 1024

export interface AppOptions {
  config: AppConfig
  /** An opened database to use instead of opening one from the config. */
  db?: Db
  /** A clock for token issue and expiry (tests). */
  now?: () => number
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
  await fastify.register(securityPlugin, { corsOrigins: config.corsOrigins, staticDir })
  await fastify.register(dbPlugin, { dataDir: config.dataDir, databaseUrl: config.databaseUrl, db: opts.db })
  await fastify.register(vaultPlugin, { dataKey: config.dataKey, indexKey: config.indexKey })
  await fastify.register(regionsPlugin)
  await fastify.register(authPlugin, { jwtSecret: config.jwtSecret, now: opts.now })

  await fastify.register(async (api) => {
    await api.register(authRoutes, { exchange: createWechatExchange(standInSecret(config.jwtSecret)), loginRateMax: config.loginRateMax })
    await api.register(registrationRoutes)
    await api.register(reviewRoutes)
    await api.register(statsRoutes)
    await api.register(formRoutes)
    await api.register(regionRoutes)
  }, { prefix: '/api/v1' })
  await fastify.register(healthRoutes)

  if (staticDir) {
    await fastify.register(fastifyStatic, { root: staticDir, prefix: '/', index: ['index.html'], wildcard: true })
    // Browsers ask for it on every first visit; the H5 build has none. Answer "nothing" rather than a 404 error.
    if (!existsSync(join(staticDir, 'favicon.ico'))) fastify.get('/favicon.ico', (_req, reply) => reply.code(204).send())
  }
}

/**
 * Request log lines carry method, path and caller address, never a body or a token. The queue's `q=` can
 * hold a name or an ID number: it is blanked before the URL is logged.
 */
export const redactUrl = (url: string) => url.replace(/([?&]q=)[^&]*/g, '$1[redacted]')
const LOGGER = {
  level: 'info',
  serializers: {
    req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url), ip: req.ip }),
  },
}

/** A ready Fastify instance with the app registered. */
export async function buildApp(opts: Partial<AppOptions> & { logger?: FastifyServerOptions['logger']; logStream?: NodeJS.WritableStream } = {}): Promise<FastifyInstance> {
  const config = opts.config ?? loadConfig()
  const fastify = Fastify({
    logger: opts.logger ?? (opts.logStream ? { ...LOGGER, stream: opts.logStream } : config.logger ? LOGGER : false),
    bodyLimit: BODY_LIMIT,
    // Rate limits and audit rows use req.ip; behind a reverse proxy set HUTONG_TRUST_PROXY=1.
    trustProxy: process.env.HUTONG_TRUST_PROXY === '1',
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
  })
  // fp: the app's decorators (db, vault, regions) stay visible on the returned instance, for the demo seed and tests.
  await fastify.register(fp(app), { config, db: opts.db, now: opts.now })
  await fastify.ready()
  return fastify
}

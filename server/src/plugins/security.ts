/**
 * Headers and limits: helmet (with a Content-Security-Policy the H5 build runs under), CORS for the H5
 * development server only, and the rate limiter (off by default, switched on per route: the logins). The
 * limiter counts in Redis when the shared state is there (its own Redis store), so that two instances do not
 * each allow the full limit; else in memory.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fp from 'fastify-plugin'
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import { redisClientOf } from '../shared/redis'
import type { SharedState } from '../shared/state'

/**
 * Taro's H5 index.html carries one small inline script (it sets the root font size before the first
 * paint). Rather than allow every inline script, allow exactly the ones in the built page, by hash.
 */
export function inlineScriptHashes(staticDir: string | undefined): string[] {
  const file = staticDir ? join(staticDir, 'index.html') : ''
  if (!file || !existsSync(file)) return []
  const html = readFileSync(file, 'utf8')
  const hashes: string[] = []
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    if (m[1].trim()) hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`)
  }
  return hashes
}

export default fp<{ corsOrigins: string[]; staticDir?: string; sharedState?: SharedState }>(
  async (app, opts) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", ...inlineScriptHashes(opts.staticDir)],
          // Taro's H5 components set inline styles (rpx → rem) at runtime.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      // The API is also called cross-origin by the H5 dev server; CORP same-origin would block its reads.
      crossOriginResourcePolicy: { policy: 'same-site' },
    })
    await app.register(cors, {
      origin: opts.corsOrigins,
      methods: ['GET', 'PUT', 'POST'],
      allowedHeaders: ['Content-Type', 'Authorization', 'If-None-Match'],
      exposedHeaders: ['ETag'],
      maxAge: 600,
    })
    const redis = redisClientOf(opts.sharedState)
    await app.register(rateLimit, { global: false, ...(redis ? { redis, nameSpace: 'rate-limit:' } : {}) })
  },
  { name: 'security' },
)

/**
 * The H5 build at `/`. Two things make it fast on a weak phone network (docs/server.md, "The H5 page"):
 *  - compression: `npm run build:h5` writes a brotli (`.br`) and a gzip (`.gz`) copy next to every text file
 *    (scripts/compress-h5.mjs); @fastify/static sends the copy the browser's Accept-Encoding allows, with
 *    Content-Encoding and `Vary: accept-encoding`. Nothing is compressed per request, so a 2-core server
 *    spends no CPU on it and the best (slowest) brotli level is affordable.
 *  - caching: the scripts and styles carry a content hash in their names, so a browser may keep them a year
 *    without asking again (`immutable`); index.html names the current ones and is asked for every time
 *    (`no-cache`: a cheap 304 when it has not changed), so a new build is picked up on the next open.
 */
import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'

export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'no-cache'

/** A file whose name holds a content hash (Taro's output: js/app.3b384cc2.js, css/838.a6ec354f8fefde5bd00c.css). */
export function isHashedAsset(file: string): boolean {
  return /\.[0-9a-f]{8,}\.(js|css)$/.test(basename(file).replace(/\.(br|gz)$/, ''))
}

export interface StaticFilesOptions {
  root: string
  /** Send the build's .br/.gz copies (default). Off: every file as it is (a proxy in front compresses, or a benchmark's "before"). */
  precompressed: boolean
}

export async function registerStaticFiles(fastify: FastifyInstance, { root, precompressed }: StaticFilesOptions) {
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    wildcard: true,
    // Dotfiles (.env, .git, an editor's swap file left in the folder) are never served: a 404 as for anything
    // absent. A path climbing out of the folder gets the plugin's 403 (errors.ts keeps it a 4xx).
    dotfiles: 'ignore',
    preCompressed: precompressed,
    cacheControl: false,
    setHeaders: (reply, path) => reply.header('cache-control', isHashedAsset(path) ? IMMUTABLE : REVALIDATE),
  })
  // Browsers ask for it on every first visit; the H5 build has none. Answer "nothing" rather than a 404 error.
  if (!existsSync(join(root, 'favicon.ico'))) fastify.get('/favicon.ico', (_req, reply) => reply.code(204).send())
}

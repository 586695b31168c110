/**
 * Runs after `taro build --type h5` (part of `npm run build:h5`): writes a brotli copy (`x.js.br`, quality 11)
 * and a gzip copy (`x.js.gz`, level 9) next to every script, style sheet and page of the build, which the
 * server sends to browsers that accept them (server/src/plugins/static-files.ts). Compressing once here
 * rather than per request lets the slowest, smallest settings be used at no cost to the server.
 * A copy is kept only when it is smaller than the file; stale copies of an earlier build are removed.
 *
 * Usage: node scripts/compress-h5.mjs [dir]   (default dist/h5)
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const dir = resolve(process.argv[2] ?? join(root, 'dist', 'h5'))
const TEXT = /\.(js|css|html|json|svg)$/

function* files(d) {
  for (const entry of readdirSync(d, { withFileTypes: true })) {
    const path = join(d, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else yield path
  }
}

let raw = 0
let br = 0
let gz = 0
let count = 0
for (const path of [...files(dir)]) {
  if (/\.(br|gz)$/.test(path)) {
    rmSync(path)
    continue
  }
  if (!TEXT.test(path)) continue
  const body = readFileSync(path)
  const copies = {
    br: brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gz: gzipSync(body, { level: 9 }),
  }
  for (const [ext, data] of Object.entries(copies)) if (data.length < body.length) writeFileSync(`${path}.${ext}`, data)
  raw += body.length
  br += Math.min(copies.br.length, body.length)
  gz += Math.min(copies.gz.length, body.length)
  count++
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`
console.log(`compress-h5: ${count} files in ${relative(root, dir) || dir}: ${kb(raw)} → brotli ${kb(br)}, gzip ${kb(gz)}`)

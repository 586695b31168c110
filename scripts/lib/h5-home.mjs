/**
 * What a phone downloads to show the H5 home page, as the server sends it: index.html and every script,
 * style sheet and preload it names, each as its brotli copy (scripts/compress-h5.mjs) when there is one,
 * plus an allowance for the response headers. Used by scripts/check-size.mjs against H5_BUDGET; the
 * browser measures the same in bench/h5-first-load.ts (bytes on the wire until home is visible).
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The goal for the home page on the wire (docs/quality.md), KB = 1,024 B. */
export const H5_BUDGET = { homeWireBytes: 200 * 1024 }
/** Status line and headers of one answer (CSP, HSTS and the rest of helmet's): measured ≈ 1 KB. */
export const HEADER_BYTES = 1024

/** index.html and the files it loads or preloads, with their size on the wire. */
export function h5HomeFiles(distDir) {
  const index = join(distDir, 'index.html')
  if (!existsSync(index)) throw new Error(`No H5 build at ${distDir}: run \`npm run build:h5\` first, then run this again.`)
  const html = readFileSync(index, 'utf8')
  const named = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="\/([^"]+)"/g)].map((m) => m[1])
  return ['index.html', ...new Set(named)].map((file) => {
    const path = join(distDir, file)
    if (!existsSync(path)) throw new Error(`index.html names ${file}, which the build does not have`)
    const brotli = existsSync(`${path}.br`)
    const bytes = statSync(brotli ? `${path}.br` : path).size
    return { file, bytes, brotli, wire: bytes + HEADER_BYTES }
  })
}

export function h5HomeWireBytes(distDir) {
  return h5HomeFiles(distDir).reduce((sum, f) => sum + f.wire, 0)
}

/**
 * Helpers for the security review's cases in the hostile-requests drill: a data folder that already exists
 * with loose permissions and a static folder with dotfiles, as an attacker or a careless install leaves them;
 * and the server's whole log, kept from the start, to read for what must never be in it.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ServerProcess } from './server-process'

/** DATA_DIR as 0755 with a data key and (SQLite) an empty database file as 0644, before the first start. */
export function looseDataDir(dataDir: string, sqlite: boolean): void {
  chmodSync(dataDir, 0o755)
  writeFileSync(join(dataDir, 'dev-data-key'), randomBytes(32).toString('base64') + '\n', { mode: 0o644 })
  chmodSync(join(dataDir, 'dev-data-key'), 0o644)
  if (sqlite) {
    writeFileSync(join(dataDir, 'hutong.sqlite'), '')
    chmodSync(join(dataDir, 'hutong.sqlite'), 0o644)
  }
}

/** An H5 folder inside DATA_DIR (so `/../dev-data-key` names a real file) with an index and two dotfiles. */
export function staticWithDotfiles(dataDir: string): string {
  const h5 = join(dataDir, 'h5')
  mkdirSync(join(h5, '.git'), { recursive: true })
  writeFileSync(join(h5, 'index.html'), '<!doctype html><title>护童登记</title>')
  writeFileSync(join(h5, '.env'), 'HUTONG_DATA_KEY=not-for-anyone\n')
  writeFileSync(join(h5, '.git', 'config'), '[core]\n')
  return h5
}

/** Everything the server writes to stdout and stderr from now on (tail() keeps only the last 8 KB). */
export function fullLog(server: ServerProcess): () => string {
  const chunks: string[] = []
  server.proc.stdout!.on('data', (c: Buffer) => chunks.push(c.toString()))
  server.proc.stderr!.on('data', (c: Buffer) => chunks.push(c.toString()))
  return () => chunks.join('')
}

/** Lets pino's last lines reach the pipe before the log is read. */
export const settle = () => new Promise((r) => setTimeout(r, 300))

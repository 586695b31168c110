/**
 * The operator's commands (server/src/ops/*.ts, what `npm run server:backup` etc. run) as child processes
 * for the drills: node with the tsx loader, the drill's environment, output and exit code collected.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'

const ROOT = join(__dirname, '..', '..', '..')

export interface CliRun {
  code: number | null
  out: string
  ms: number
}

export function runCli(script: 'backup' | 'restore' | 'reencrypt', args: string[], env: Record<string, string>): Promise<CliRun> {
  const started = Date.now()
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/src/ops', `${script}.ts`), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  proc.stdout.on('data', (d: Buffer) => {
    out += d.toString()
  })
  proc.stderr.on('data', (d: Buffer) => {
    out += d.toString()
  })
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, out, ms: Date.now() - started })))
}

/** A fresh base64 key, as `openssl rand -base64 32` makes one. */
export const newKey = () => randomBytes(32).toString('base64')

/** Production-style keys in the environment (not DATA_DIR's development files): what a restore or a rotation needs. */
export function keyEnv(data = newKey(), index = newKey(), jwt = newKey()) {
  return { HUTONG_DATA_KEY: data, HUTONG_INDEX_KEY: index, HUTONG_JWT_SECRET: jwt }
}

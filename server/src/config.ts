/**
 * The server's configuration, read once from the environment (docs/server.md lists every variable).
 * Secrets come from the environment; outside production a missing secret is generated once into DATA_DIR
 * so that `npm run server` works with no set-up — and the same key is found again on the next start,
 * because a lost data key would make every stored record unreadable.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export interface AppConfig {
  dataDir: string
  /** PostgreSQL when set; otherwise SQLite at DATA_DIR/hutong.sqlite. */
  databaseUrl?: string
  /** AES-256-GCM key for the stored records (HUTONG_DATA_KEY). */
  dataKey: Buffer
  /** HMAC key for the lookup hashes of ID numbers and names (HUTONG_INDEX_KEY): separate from the data key. */
  indexKey: Buffer
  /** HS256 secret for the access tokens (HUTONG_JWT_SECRET). */
  jwtSecret: Buffer
  /** The H5 build to serve at `/`, when it exists. */
  staticDir?: string
  corsOrigins: string[]
  /** Login attempts per IP and window (HUTONG_LOGIN_RATE_MAX per minute). */
  loginRateMax: number
  logger: boolean
}

const KEY_FILES = { dataKey: 'dev-data-key', indexKey: 'dev-index-key', jwtSecret: 'dev-jwt-secret' } as const

/**
 * A 32-byte key from a base64 variable, or (outside production) from DATA_DIR/<file>, created on first use.
 * The file is created with O_EXCL: two processes starting together on one data dir end up with one key.
 */
export function loadKey(name: string, value: string | undefined, dataDir: string, file: string, production: boolean): Buffer {
  if (value) {
    const key = Buffer.from(value, 'base64')
    if (key.length !== 32) throw new Error(`${name} 必须是32字节密钥的base64编码（openssl rand -base64 32）`)
    return key
  }
  if (production) throw new Error(`生产环境必须设置 ${name}`)
  const path = join(dataDir, file)
  try {
    writeFileSync(path, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')
  if (key.length !== 32) throw new Error(`${path} 不是有效的密钥文件`)
  return key
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const dataDir = resolve(overrides.dataDir ?? env.DATA_DIR ?? './data')
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const production = env.NODE_ENV === 'production'
  const key = (name: string, k: keyof typeof KEY_FILES) => overrides[k] ?? loadKey(name, env[name], dataDir, KEY_FILES[k], production)
  return {
    dataDir,
    databaseUrl: overrides.databaseUrl ?? (env.DATABASE_URL || undefined),
    dataKey: key('HUTONG_DATA_KEY', 'dataKey'),
    indexKey: key('HUTONG_INDEX_KEY', 'indexKey'),
    jwtSecret: key('HUTONG_JWT_SECRET', 'jwtSecret'),
    staticDir: overrides.staticDir ?? resolve(env.HUTONG_STATIC_DIR ?? 'dist/h5'),
    corsOrigins: overrides.corsOrigins
      ?? (env.HUTONG_CORS_ORIGINS ?? 'http://localhost:10086,http://127.0.0.1:10086').split(',').map((s) => s.trim()).filter(Boolean),
    loginRateMax: overrides.loginRateMax ?? Number(env.HUTONG_LOGIN_RATE_MAX ?? 10),
    logger: overrides.logger ?? env.HUTONG_LOG !== '0',
  }
}

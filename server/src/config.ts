/**
 * The server's configuration, read once from the environment (docs/server.md lists every variable).
 * Secrets come from the environment; outside production a missing secret is generated once into DATA_DIR
 * so that `npm run server` works with no set-up — and the same key is found again on the next start,
 * because a lost data key would make every stored record unreadable.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseVisitIntervals, type VisitIntervals } from '../../src/domain/visits'

export interface AppConfig {
  dataDir: string
  /** PostgreSQL when set; otherwise SQLite at DATA_DIR/hutong.sqlite. */
  databaseUrl?: string
  /** AES-256-GCM keys for the stored records (HUTONG_DATA_KEY): the first seals, every one opens. */
  dataKeys: Buffer[]
  /** HMAC keys for the lookup hashes of ID numbers and names (HUTONG_INDEX_KEY), separate from the data keys: the first hashes, every one is searched. */
  indexKeys: Buffer[]
  /** HS256 secret for the access tokens (HUTONG_JWT_SECRET). */
  jwtSecret: Buffer
  /** The H5 build to serve at `/`, when it exists. */
  staticDir?: string
  /** Send the H5 build's brotli/gzip copies (HUTONG_STATIC_PRECOMPRESSED=0: the files as they are). */
  staticPrecompressed: boolean
  corsOrigins: string[]
  /** Login attempts per IP and window (HUTONG_LOGIN_RATE_MAX per minute). */
  loginRateMax: number
  /** New registrations one guardian may create per hour (HUTONG_GUARDIAN_NEW_PER_HOUR); re-sends and edits are not counted. */
  guardianNewPerHour: number
  /** New reports of a child at risk one account may send per hour (HUTONG_REPORTS_PER_HOUR). */
  reportsPerHour: number
  /** New reports about one village per hour, from all accounts (HUTONG_REPORTS_PER_VILLAGE_PER_HOUR). */
  reportsPerVillagePerHour: number
  logger: boolean
  /** JSON lines (production, or any non-terminal output) or pino-pretty (a terminal in development). */
  logFormat: 'json' | 'pretty'
  /** Shared state (rate-limit counters, locks, caches) in Redis when set; in this process's memory otherwise. */
  redisUrl?: string
  /** Put in front of every Redis key, so that one Redis can serve several deployments (HUTONG_REDIS_PREFIX). */
  redisPrefix: string
  /** `GET /metrics` exists only when set, and answers only `Authorization: Bearer <token>`. */
  metricsToken?: string
  /** The address people open (behind a proxy: the https one), for the start-up line. */
  publicUrl?: string
  /**
   * HUTONG_TRUST_PROXY: how many proxies stand in front (a number: the client is the address that many hops
   * back in X-Forwarded-For), or the proxies' own addresses (comma-separated IPs or CIDRs). Never "trust every
   * address": a client could then name any IP it likes for the rate limits and the audit log.
   */
  trustProxy: number | string[] | false
  /**
   * HUTONG_DAILY_INTERVAL_MS: how often the server looks whether today's daily job (the 待复核 re-check,
   * docs/lifecycle.md) has run, at start-up and then on this timer; default one hour; 0 turns the timer off
   * (then run `npm run server:daily` from cron).
   */
  dailyIntervalMs: number
  /**
   * HUTONG_VISIT_INTERVALS: months between home visits per category (`留守=1,困境=2`); a category not named is
   * visited monthly (docs/lifecycle.md, "Monthly visits").
   */
  visitIntervals: VisitIntervals
  /**
   * WeChat's side (docs/wechat.md): set → sign-in through code2session and status messages; unset → the
   * development stand-in of ./wechat.ts (refused in production, below).
   */
  wechat?: WechatConfig
}

export interface WechatConfig {
  appid: string
  secret: string
  /** WECHAT_API_BASE: https://api.weixin.qq.com, or the fake of ./wechat-fake in tests and demos. */
  apiBase: string
  /** WECHAT_TEMPLATE_STATUS: the subscribe-message template "登记状态变更"; without it no message is sent. */
  templateStatus?: string
  /** WECHAT_MINIPROGRAM_STATE: which version a message opens (formal, trial, developer). */
  miniprogramState: 'formal' | 'trial' | 'developer'
  /** How often the sender looks at the queue (WECHAT_SEND_INTERVAL_MS, default 5 s; 0: never by itself, tests). */
  sendIntervalMs: number
}

/** WeChat's settings, or undefined for the stand-in; production without them refuses to start, saying why. */
export function loadWechat(env: NodeJS.ProcessEnv, production: boolean): WechatConfig | undefined {
  const appid = env.WECHAT_APPID?.trim()
  const secret = env.WECHAT_SECRET?.trim()
  if (!appid || !secret) {
    if (production)
      throw new Error(
        '生产环境必须设置 WECHAT_APPID 和 WECHAT_SECRET（小程序的 AppID 和 AppSecret）：没有它们，监护人的身份只能由客户端自报，任何人都能冒充他人（docs/wechat.md）',
      )
    if (appid || secret) throw new Error('WECHAT_APPID 和 WECHAT_SECRET 要一起设置')
    return undefined
  }
  const state = env.WECHAT_MINIPROGRAM_STATE?.trim() || 'formal'
  if (state !== 'formal' && state !== 'trial' && state !== 'developer')
    throw new Error('WECHAT_MINIPROGRAM_STATE 应为 formal、trial 或 developer')
  const interval = Number(env.WECHAT_SEND_INTERVAL_MS ?? 5000)
  if (!Number.isFinite(interval) || interval < 0) throw new Error('WECHAT_SEND_INTERVAL_MS 应为毫秒数')
  return {
    appid,
    secret,
    apiBase: (env.WECHAT_API_BASE?.trim() || 'https://api.weixin.qq.com').replace(/\/+$/, ''),
    templateStatus: env.WECHAT_TEMPLATE_STATUS?.trim() || undefined,
    miniprogramState: state,
    sendIntervalMs: interval,
  }
}

/** The most proxies a hop count may name (a CDN in front of nginx is 2). */
export const MAX_PROXY_HOPS = 3

export function parseTrustProxy(value: string | undefined): number | string[] | false {
  const v = value?.trim()
  if (!v || v === '0') return false
  if (/^\d+$/.test(v)) {
    // More hops than any real chain of proxies is "trust whatever the client wrote" under another name.
    if (Number(v) > MAX_PROXY_HOPS) throw new Error(`HUTONG_TRUST_PROXY 的层数最多为 ${MAX_PROXY_HOPS}：层数越多，客户端能伪造的地址越多`)
    return Number(v)
  }
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (list.some((a) => !/^[\d.:a-fA-F]+(\/\d{1,3})?$/.test(a)))
    throw new Error('HUTONG_TRUST_PROXY 应为代理的层数（如 1），或代理的地址（逗号分隔的 IP 或网段）；不接受 true 等"信任所有地址"的写法')
  // A network shorter than /8 (IPv4) or /16 (IPv6) — 0.0.0.0/0, ::/0 — is every address on the internet.
  if (list.some((a) => /\/(\d+)$/.test(a) && Number(/\/(\d+)$/.exec(a)![1]) < (a.includes(':') ? 16 : 8)))
    throw new Error('HUTONG_TRUST_PROXY 不能信任所有地址（如 0.0.0.0/0、::/0）：请只写代理自己的地址或网段')
  return list
}

function parseInterval(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 60 * 60_000
  const ms = Number(value)
  if (!Number.isInteger(ms) || ms < 0) throw new Error('HUTONG_DAILY_INTERVAL_MS 应为毫秒数（0 表示不在服务内定时运行）')
  return ms
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (!value?.trim()) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} 应为正整数`)
  return n
}

const KEY_FILES = { dataKey: 'dev-data-key', indexKey: 'dev-index-key', jwtSecret: 'dev-jwt-secret' } as const

/** One or more base64 keys, separated by commas or spaces (a rotation lists the new key first). */
export function parseKeys(name: string, value: string): Buffer[] {
  const keys = value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((v) => Buffer.from(v, 'base64'))
  if (keys.length === 0 || keys.some((k) => k.length !== 32)) {
    throw new Error(`${name} 必须是32字节密钥的base64编码（openssl rand -base64 32），轮换时可列出多个，以逗号分隔，新密钥在前`)
  }
  return keys
}

/**
 * A 32-byte key from a base64 variable, or (outside production) from DATA_DIR/<file>, created on first use.
 * The file is created with O_EXCL: two processes starting together on one data dir end up with one key.
 */
export function loadKey(name: string, value: string | undefined, dataDir: string, file: string, production: boolean): Buffer {
  return loadKeys(name, value, dataDir, file, production)[0]
}

export function loadKeys(name: string, value: string | undefined, dataDir: string, file: string, production: boolean): Buffer[] {
  if (value?.trim()) return parseKeys(name, value)
  if (production) throw new Error(`生产环境必须设置 ${name}`)
  const path = join(dataDir, file)
  try {
    writeFileSync(path, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')
  if (key.length !== 32) throw new Error(`${path} 不是有效的密钥文件`)
  return [key]
}

/**
 * DATA_DIR holds the database and (outside production) the keys: only the server's own user may read it.
 * `mkdir` sets the mode only on a folder it creates, so a folder that already existed as 0755 (made by hand,
 * by a package, by an older version) is tightened here at every start, with every file in it made 0600 and
 * every folder 0700. Symbolic links are left alone (their target is not ours to change).
 */
export function secureDataDir(dataDir: string): void {
  chmodSync(dataDir, 0o700)
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name)
    const stat = lstatSync(path)
    if (stat.isDirectory()) secureDataDir(path)
    else if (stat.isFile() && (stat.mode & 0o077) !== 0) chmodSync(path, 0o600)
  }
}

/**
 * The three secrets must differ: with the token secret equal to the data key, anyone holding a token-signing
 * secret (a log of the environment, a support copy of the settings) also holds the key to every child's
 * record, and one leak opens both. Refused at start, production or not.
 */
export function checkDistinctKeys(c: Pick<AppConfig, 'dataKeys' | 'indexKeys' | 'jwtSecret'>): void {
  const same = (a: Buffer, b: Buffer) => a.length === b.length && a.equals(b)
  if (c.dataKeys.some((k) => same(k, c.jwtSecret)))
    throw new Error(
      'HUTONG_JWT_SECRET 不能与 HUTONG_DATA_KEY 相同：签发登录凭证的密钥一旦泄露，所有儿童记录的加密密钥也随之泄露，请分别生成',
    )
  if (c.indexKeys.some((k) => same(k, c.jwtSecret)))
    throw new Error('HUTONG_JWT_SECRET 不能与 HUTONG_INDEX_KEY 相同：三个密钥须分别生成（openssl rand -base64 32）')
  if (c.dataKeys.some((k) => c.indexKeys.some((i) => same(k, i))))
    throw new Error('HUTONG_INDEX_KEY 不能与 HUTONG_DATA_KEY 相同：三个密钥须分别生成（openssl rand -base64 32）')
}

export function loadVisitIntervals(value: string | undefined): VisitIntervals {
  const parsed = parseVisitIntervals(value)
  if (!parsed.ok) throw new Error(`HUTONG_VISIT_INTERVALS：${parsed.reason}`)
  return parsed.value
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const dataDir = resolve(overrides.dataDir ?? env.DATA_DIR ?? './data')
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  secureDataDir(dataDir)
  const production = env.NODE_ENV === 'production'
  const keys = (name: string, file: string) => loadKeys(name, env[name], dataDir, file, production)
  const metricsToken = overrides.metricsToken ?? (env.HUTONG_METRICS_TOKEN || undefined)
  if (metricsToken !== undefined && metricsToken.length < 16) throw new Error('HUTONG_METRICS_TOKEN 至少16个字符（openssl rand -hex 24）')
  const logFormat = overrides.logFormat ?? env.HUTONG_LOG_FORMAT ?? (!production && process.stdout.isTTY ? 'pretty' : 'json')
  if (logFormat !== 'json' && logFormat !== 'pretty') throw new Error('HUTONG_LOG_FORMAT 应为 json 或 pretty')
  const config: AppConfig = {
    dataDir,
    databaseUrl: overrides.databaseUrl ?? (env.DATABASE_URL || undefined),
    dataKeys: overrides.dataKeys ?? keys('HUTONG_DATA_KEY', KEY_FILES.dataKey),
    indexKeys: overrides.indexKeys ?? keys('HUTONG_INDEX_KEY', KEY_FILES.indexKey),
    jwtSecret: overrides.jwtSecret ?? loadKey('HUTONG_JWT_SECRET', env.HUTONG_JWT_SECRET, dataDir, KEY_FILES.jwtSecret, production),
    staticDir: overrides.staticDir ?? resolve(env.HUTONG_STATIC_DIR ?? 'dist/h5'),
    staticPrecompressed: overrides.staticPrecompressed ?? env.HUTONG_STATIC_PRECOMPRESSED !== '0',
    corsOrigins:
      overrides.corsOrigins ??
      (env.HUTONG_CORS_ORIGINS ?? 'http://localhost:10086,http://127.0.0.1:10086')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    loginRateMax: overrides.loginRateMax ?? Number(env.HUTONG_LOGIN_RATE_MAX ?? 10),
    guardianNewPerHour: overrides.guardianNewPerHour ?? positiveInt('HUTONG_GUARDIAN_NEW_PER_HOUR', env.HUTONG_GUARDIAN_NEW_PER_HOUR, 10),
    reportsPerHour: overrides.reportsPerHour ?? positiveInt('HUTONG_REPORTS_PER_HOUR', env.HUTONG_REPORTS_PER_HOUR, 5),
    reportsPerVillagePerHour:
      overrides.reportsPerVillagePerHour ?? positiveInt('HUTONG_REPORTS_PER_VILLAGE_PER_HOUR', env.HUTONG_REPORTS_PER_VILLAGE_PER_HOUR, 30),
    logger: overrides.logger ?? env.HUTONG_LOG !== '0',
    logFormat,
    redisUrl: overrides.redisUrl ?? (env.REDIS_URL || undefined),
    redisPrefix: overrides.redisPrefix ?? env.HUTONG_REDIS_PREFIX ?? 'hutong:',
    metricsToken,
    publicUrl: overrides.publicUrl ?? (env.HUTONG_PUBLIC_URL?.replace(/\/+$/, '') || undefined),
    trustProxy: overrides.trustProxy ?? parseTrustProxy(env.HUTONG_TRUST_PROXY),
    wechat: 'wechat' in overrides ? overrides.wechat : loadWechat(env, production),
    dailyIntervalMs: overrides.dailyIntervalMs ?? parseInterval(env.HUTONG_DAILY_INTERVAL_MS),
    visitIntervals: overrides.visitIntervals ?? loadVisitIntervals(env.HUTONG_VISIT_INTERVALS),
  }
  checkDistinctKeys(config)
  return config
}

/**
 * The data and index keys a server on `dataDir` would use, read without creating any (for the restore
 * command's check): undefined when they are not known yet.
 */
export function existingKeys(env: NodeJS.ProcessEnv, dataDir: string): { dataKeys: Buffer[]; indexKeys: Buffer[] } | undefined {
  const read = (name: string, file: string) => {
    if (env[name]?.trim()) return parseKeys(name, env[name]!)
    const path = join(dataDir, file)
    return existsSync(path) ? parseKeys(path, readFileSync(path, 'utf8')) : undefined
  }
  const dataKeys = read('HUTONG_DATA_KEY', KEY_FILES.dataKey)
  const indexKeys = read('HUTONG_INDEX_KEY', KEY_FILES.indexKey)
  return dataKeys && indexKeys ? { dataKeys, indexKeys } : undefined
}

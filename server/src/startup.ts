/** The one plain line an operator reads at start: where guardians and workers open the app. */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { AppConfig } from './config'

export function startupLine(base: string, servesH5: boolean): string {
  if (!servesH5) return `护童登记接口已启动：${base}/api/v1（没有找到 H5 页面，先运行 npm run build:h5）`
  return `护童登记已启动 — 监护人登记：${base}/ · 工作人员登录：${base}/#/worker/login/index`
}

/** HUTONG_PUBLIC_URL when set (behind a proxy: the https address people use); else the listening address. */
export function baseUrl(app: FastifyInstance, config: Pick<AppConfig, 'publicUrl'>): string {
  if (config.publicUrl) return config.publicUrl
  const address = app.server.address()
  if (!address || typeof address === 'string') return String(address)
  const any = address.address === '0.0.0.0' || address.address === '::'
  const host = any ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address
  return `http://${host}:${address.port}`
}

export function startupLineOf(app: FastifyInstance, config: Pick<AppConfig, 'publicUrl' | 'staticDir'>): string {
  return startupLine(baseUrl(app, config), !!config.staticDir && existsSync(join(config.staticDir, 'index.html')))
}

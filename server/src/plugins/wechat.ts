/**
 * WeChat's side as `app.wechat` (null without WECHAT_APPID): the API, the shared access token, the status
 * template, and the message sender — a timer that, every WECHAT_SEND_INTERVAL_MS, sends the queue
 * (services/notifications.ts) under a cluster lock, so that with several instances one sends at a time.
 * The sender never runs inside a request: a slow or absent WeChat delays messages, never a review.
 * `GET /metrics` gets hutong_wechat_messages_pending, the queue's depth.
 */
import fp from 'fastify-plugin'
import { Gauge } from '@platformatic/prom-client'
import type { WechatConfig } from '../config'
import { pendingCount } from '../db/wechat'
import { sendDueMessages, type SendOutcome } from '../services/notifications'
import { wechatApi, type WechatApi } from '../wechat-api'
import { accessTokens, type AccessTokens } from '../wechat-token'

export interface WechatSide {
  api: WechatApi
  tokens: AccessTokens
  templateId?: string
  miniprogramState: WechatConfig['miniprogramState']
  /** One pass of the sender under the cluster lock; undefined when another instance holds it. */
  runSender(): Promise<Record<SendOutcome, number> | undefined>
}

declare module 'fastify' {
  interface FastifyInstance {
    wechat: WechatSide | null
  }
}

const SENDER_LOCK = 'wechat:sender'

export default fp<{ wechat?: WechatConfig }>(
  async (app, opts) => {
    const cfg = opts.wechat
    if (!cfg) {
      app.decorate('wechat', null)
      return
    }
    const api = wechatApi(cfg)
    const side: WechatSide = {
      api,
      tokens: accessTokens(app.sharedState, api),
      templateId: cfg.templateStatus,
      miniprogramState: cfg.miniprogramState,
      async runSender() {
        const run = await app.sharedState.withLock(SENDER_LOCK, { ttlMs: 60_000 }, () => sendDueMessages(app))
        return run.acquired ? run.value : undefined
      },
    }
    app.decorate('wechat', side)

    if (app.metricsRegistry) {
      new Gauge({
        name: 'hutong_wechat_messages_pending',
        help: 'Status messages waiting to be sent to WeChat',
        registers: [app.metricsRegistry],
        async collect() {
          this.set(await pendingCount(app.db))
        },
      })
    }

    if (cfg.sendIntervalMs > 0 && cfg.templateStatus) {
      let pass: Promise<unknown> | undefined
      const timer = setInterval(() => {
        pass ??= side
          .runSender()
          .catch((err) => app.log.error({ err }, 'wechat: sender pass failed'))
          .finally(() => {
            pass = undefined
          })
      }, cfg.sendIntervalMs)
      timer.unref()
      // Before the database closes: the pass under way finishes (a sent message is recorded as sent).
      app.addHook('preClose', async () => {
        clearInterval(timer)
        await pass
      })
    }
  },
  { name: 'wechat', dependencies: ['db', 'vault', 'shared-state'] },
)

/**
 * Sign-in (services/sessions.ts, services/device-login.ts). Every login are rate-limited per IP; `/auth/me` answers who the token
 * belongs to, re-read from the database like every request; `/auth/password` changes a worker's own
 * password (services/password.ts).
 */
import type { FastifyInstance } from 'fastify'
import { STAFF_ROLES } from '../actor'
import { loginResponse, responses } from '../schemas'
import { deviceLogin } from '../services/device-login'
import { changeOwnPassword } from '../services/password'
import { guardianLogin, userView, workerLogin } from '../services/sessions'
import type { WechatExchange } from '../wechat'

const wxBody = {
  type: 'object',
  required: ['code'],
  additionalProperties: false,
  properties: { code: { type: 'string', minLength: 1, maxLength: 128 } },
} as const
// {} → a new guardian and its secret; {secret} → the guardian it belongs to (services/device-login.ts).
const deviceBody = {
  type: 'object',
  additionalProperties: false,
  properties: { secret: { type: 'string', minLength: 1, maxLength: 128 } },
} as const
const deviceResponse = { ...loginResponse, properties: { ...loginResponse.properties, secret: { type: 'string' } } } as const
const workerBody = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 256 } },
} as const

const passwordBody = {
  type: 'object',
  required: ['currentPassword', 'newPassword'],
  additionalProperties: false,
  properties: { currentPassword: { type: 'string', minLength: 1, maxLength: 256 }, newPassword: { type: 'string', maxLength: 256 } },
} as const

export default async function authRoutes(app: FastifyInstance, opts: { exchange: WechatExchange; loginRateMax: number }) {
  const rateLimit = { max: opts.loginRateMax, timeWindow: 60_000 }

  app.post<{ Body: { code: string } }>(
    '/auth/wx-login',
    {
      config: { rateLimit },
      schema: { body: wxBody, response: responses({ 200: loginResponse }) },
    },
    async (req) => guardianLogin(app, opts.exchange, req.body.code, req.ip),
  )

  app.post<{ Body: { secret?: string } }>(
    '/auth/device-login',
    {
      config: { rateLimit },
      schema: { body: deviceBody, response: responses({ 200: deviceResponse }) },
    },
    async (req) => deviceLogin(app, req.body?.secret, req.ip),
  )

  app.post<{ Body: { username: string; password: string } }>(
    '/auth/worker-login',
    {
      config: { rateLimit },
      schema: { body: workerBody, response: responses({ 200: loginResponse }) },
    },
    async (req) => workerLogin(app, req.body.username, req.body.password, req.ip),
  )

  app.get(
    '/auth/me',
    {
      onRequest: app.allowPending('guardian', ...STAFF_ROLES),
      schema: { response: responses({ 200: { type: 'object', properties: { user: loginResponse.properties.user } } }) },
    },
    async (req) => ({ user: userView(app, req.actor!) }),
  )

  // A worker's own new password (also the first one after a one-time password); answers a fresh session.
  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/auth/password',
    {
      onRequest: app.allowPending(...STAFF_ROLES),
      config: { rateLimit },
      schema: { body: passwordBody, response: responses({ 200: loginResponse }) },
    },
    async (req) => changeOwnPassword(app, req.actor!, req.body.currentPassword, req.body.newPassword, req.ip),
  )
}

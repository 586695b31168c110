/**
 * Account administration (services/accounts.ts; docs/accounts.md): the accounts an administrator manages,
 * creating one, disabling, enabling, resetting its password and changing its role, region or name.
 * Only administrators reach these routes; which accounts each may touch is decided in the service.
 */
import type { FastifyInstance } from 'fastify'
import { ADMIN_ROLES } from '../actor'
import { idOf, idParams, type WithId } from '../schemas'
import { importAccounts, previewImport, takePasswordSheet } from '../services/account-import'
import { changeAccount, createAccount, editAccount, listAccounts, type AccountEdit, type NewAccount } from '../services/accounts'

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const
const createBody = {
  type: 'object',
  required: ['displayName', 'phone', 'role', 'regionCode'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', maxLength: 64 },
    displayName: text(40),
    phone: text(20),
    role: text(40),
    regionCode: { type: 'string', pattern: '^\\d{2,12}$' },
  },
} as const
const editBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { displayName: text(40), role: text(40), regionCode: { type: 'string', pattern: '^\\d{2,12}$' } },
} as const
/** The .xlsx file, base64 in JSON (the mini-program reads a chosen file as base64; no multipart needed). */
const importBody = {
  type: 'object',
  required: ['file'],
  additionalProperties: false,
  properties: { file: { type: 'string', minLength: 1, maxLength: 3_000_000 } },
} as const
const IMPORT_BODY_LIMIT = 4 * 1024 * 1024
const CHANGES = { disable: 'disable', enable: 'enable', 'reset-password': 'reset_password' } as const

export default async function accountRoutes(app: FastifyInstance) {
  const admin = app.allow(...ADMIN_ROLES)

  app.get('/accounts', { onRequest: admin }, async (req) => listAccounts(app, req.actor!))

  app.post<{ Body: NewAccount }>('/accounts', { onRequest: admin, schema: { body: createBody } }, async (req, reply) =>
    reply.code(201).send(await createAccount(app, req.actor!, req.body, req.ip)),
  )

  app.post<WithId & { Body: AccountEdit }>(
    '/accounts/:id/edit',
    { onRequest: admin, schema: { params: idParams, body: editBody } },
    async (req) => editAccount(app, req.actor!, idOf(req), req.body, req.ip),
  )

  type ImportRequest = { Body: { file: string } }
  const importOptions = { onRequest: admin, bodyLimit: IMPORT_BODY_LIMIT, schema: { body: importBody } }
  app.post<ImportRequest>('/accounts/import/preview', importOptions, async (req) =>
    previewImport(app, req.actor!, Buffer.from(req.body.file, 'base64')),
  )
  app.post<ImportRequest>('/accounts/import', importOptions, async (req, reply) =>
    reply.code(201).send(await importAccounts(app, req.actor!, Buffer.from(req.body.file, 'base64'), req.ip)),
  )
  app.get<WithId>('/accounts/import/:id/passwords.xlsx', { onRequest: admin, schema: { params: idParams } }, async (req, reply) => {
    const xlsx = await takePasswordSheet(app, req.actor!, idOf(req), req.ip)
    return reply
      .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header(
        'Content-Disposition',
        `attachment; filename="initial-passwords.xlsx"; filename*=UTF-8''${encodeURIComponent('初始密码.xlsx')}`,
      )
      .header('Cache-Control', 'no-store')
      .send(xlsx)
  })

  for (const [path, change] of Object.entries(CHANGES)) {
    app.post<WithId>(`/accounts/:id/${path}`, { onRequest: admin, schema: { params: idParams } }, async (req) =>
      changeAccount(app, req.actor!, idOf(req), change, req.ip),
    )
  }
}

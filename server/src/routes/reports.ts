/**
 * Reports of a child at risk (services/reports.ts): anyone signed in sends one and reads their receipts; the
 * workers of the village's region read and act on them. The response schemas list every field that may leave
 * the server: a receipt carries no word of the report.
 */
import type { FastifyInstance } from 'fastify'
import { WORKER_ROLES } from '../actor'
import { idOf, idParams, responses, type WithId } from '../schemas'
import { createReport, myReports, openReport, recordReportAction, regionReportList, type ReportLimits } from '../services/reports'

const str = { type: 'string' } as const
const nullableStr = { type: ['string', 'null'] } as const

const receiptProps = { id: str, number: str, createdAt: str, status: str, statusLabel: str } as const
const receiptSchema = { type: 'object', properties: receiptProps } as const

const listItemProps = {
  ...receiptProps,
  villageCode: str,
  villageName: str,
  concern: str,
  concernLabel: str,
  urgent: { type: 'boolean' },
  dueAt: str,
  overdue: { type: 'boolean' },
  hoursLeft: { type: ['integer', 'null'] },
  firstActionAt: nullableStr,
} as const

const detailSchema = {
  type: 'object',
  properties: {
    ...listItemProps,
    villageFullName: str,
    seen: str,
    reporter: str,
    reporterLabel: str,
    phone: nullableStr,
    actions: {
      type: 'array',
      items: {
        type: 'object',
        properties: { at: str, action: str, actionLabel: str, note: nullableStr, role: str, roleLabel: str, registrationId: nullableStr },
      },
    },
  },
} as const

const listOf = (properties: Record<string, unknown>) =>
  ({ type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties } } } }) as const

export default async function reportRoutes(app: FastifyInstance, limits: ReportLimits) {
  const anyone = app.allow('guardian', ...WORKER_ROLES)
  const worker = app.allow(...WORKER_ROLES)

  app.post(
    '/reports',
    { onRequest: anyone, schema: { response: responses({ 200: receiptSchema, 201: receiptSchema }) } },
    async (req, reply) => {
      const { statusCode, receipt } = await createReport(app, req.actor!, req.body, req.ip, limits)
      return reply.code(statusCode).send(receipt)
    },
  )

  app.get('/reports/mine', { onRequest: anyone, schema: { response: responses({ 200: listOf(receiptProps) }) } }, async (req) =>
    myReports(app, req.actor!),
  )

  app.get('/reports', { onRequest: worker, schema: { response: responses({ 200: listOf(listItemProps) }) } }, async (req) =>
    regionReportList(app, req.actor!, req.ip),
  )

  app.get<WithId>(
    '/reports/:id',
    { onRequest: worker, schema: { params: idParams, response: responses({ 200: detailSchema }) } },
    async (req) => openReport(app, req.actor!, idOf(req), req.ip),
  )

  app.post<WithId>(
    '/reports/:id/actions',
    { onRequest: worker, schema: { params: idParams, response: responses({ 200: detailSchema }) } },
    async (req) => recordReportAction(app, req.actor!, idOf(req), req.body, req.ip),
  )
}

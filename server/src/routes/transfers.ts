/**
 * 迁移 (services/transfers.ts): the sending village's worker starts or cancels, the receiving village's worker
 * accepts or declines, every worker lists the transfers into and out of their region. Who may take which step
 * on which transfer is the service's (it knows the two villages); here only that the caller is a worker.
 */
import type { FastifyInstance } from 'fastify'
import { WORKER_ROLES } from '../actor'
import { idOf, idParams, responses, transferListSchema, transferSchema, type WithId } from '../schemas'
import { acceptTransfer, cancelTransfer, declineTransfer, listTransfers, startTransfer } from '../services/transfers'

export default async function transferRoutes(app: FastifyInstance) {
  const worker = app.allow(...WORKER_ROLES)
  const one = { params: idParams, response: responses({ 200: transferSchema }) }

  app.post<WithId>('/registrations/:id/transfer', { onRequest: worker, schema: one }, async (req) =>
    startTransfer(app, req.actor!, idOf(req), req.body, req.ip),
  )
  app.post<WithId>('/transfers/:id/accept', { onRequest: worker, schema: one }, async (req) =>
    acceptTransfer(app, req.actor!, idOf(req), req.ip),
  )
  app.post<WithId>('/transfers/:id/decline', { onRequest: worker, schema: one }, async (req) =>
    declineTransfer(app, req.actor!, idOf(req), req.body, req.ip),
  )
  app.post<WithId>('/transfers/:id/cancel', { onRequest: worker, schema: one }, async (req) =>
    cancelTransfer(app, req.actor!, idOf(req), req.ip),
  )
  app.get('/transfers', { onRequest: worker, schema: { response: responses({ 200: transferListSchema }) } }, async (req) =>
    listTransfers(app, req.actor!),
  )
}

/**
 * The printed forms of one registration, for the workers of its region: the 一人一表 and, for a 事实无人抚养
 * child, the allowance application, as PDF files (docs/forms.md). Each download is audited by the service.
 */
import type { FastifyInstance } from 'fastify'
import { WORKER_ROLES } from '../actor'
import { idOf, idParams, maskQuery, type WithId } from '../schemas'
import { printForm, type FormKind } from '../services/forms'

type Request = WithId & { Querystring: { mask?: '0' | '1' } }

const ROUTES: Record<string, FormKind> = {
  '/registrations/:id/form.pdf': 'registration_form',
  '/registrations/:id/allowance-application.pdf': 'allowance_application',
}

export default async function formRoutes(app: FastifyInstance) {
  for (const [url, kind] of Object.entries(ROUTES)) {
    app.get<Request>(
      url,
      {
        onRequest: app.allow(...WORKER_ROLES),
        schema: { params: idParams, querystring: maskQuery },
      },
      async (req, reply) => {
        const { pdf, filename, asciiName } = await printForm(app, req.actor!, idOf(req), kind, req.query.mask === '1', req.ip)
        return reply
          .header('Content-Type', 'application/pdf')
          .header('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
          .header('Cache-Control', 'no-store')
          .send(pdf)
      },
    )
  }
}

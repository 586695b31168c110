/**
 * The paperwork of one registration, printed on the server: the 一人一表 (the 2016 national form) and, for a
 * child the rules classify as 事实无人抚养, the allowance application. Only a worker of the record's region
 * reaches it (records.ts); every file generated is an audit row, like an export, saying which form and
 * whether the ID numbers were full.
 */
import type { FastifyInstance } from 'fastify'
import { classify } from '../../../src/domain/eligibility'
import type { Actor } from '../actor'
import { today } from '../clock'
import { audit } from '../db/audit'
import { conflict } from '../errors'
import { formAnswers } from '../forms/answers'
import { allowanceApplicationPdf } from '../forms/allowance-application'
import { registrationFormPdf } from '../forms/registration-form'
import { FILE_WORDS } from '../forms/words'
import { assessmentsOf } from './assessments'
import { reachable } from './records'
import { openRecord } from './views'

export type FormKind = 'registration_form' | 'allowance_application'

/**
 * Full numbers by default: the family checks and signs the form, and the office files it with them.
 * `mask=1` prints them masked (a copy to show around); the audit row says which.
 */
export async function printForm(app: FastifyInstance, actor: Actor, id: string, kind: FormKind, askedMasked: boolean, ip: string) {
  const row = await reachable(app, actor, id)
  const record = openRecord(app, row)
  const date = today()
  const classification = classify(record, date)
  if (kind === 'allowance_application' && !classification.findings.some((f) => f.category === 'de_facto_unsupported')) {
    throw conflict('not_de_facto_unsupported', FILE_WORDS.notDeFacto)
  }
  const full = !askedMasked
  const place = (code: string | undefined) => (code ? (app.regions.fullName(code) ?? code) : '')
  const assessment = (await assessmentsOf(app, [row.id])).get(row.id)
  const answers = formAnswers(record, { place, full, today: date, assessment, classification })
  const source = { id: row.id, version: row.version }
  const unit = place(actor.regionCode ?? undefined)
  const pdf =
    kind === 'registration_form'
      ? await registrationFormPdf({ answers, unit, date, source, masked: !full })
      : await allowanceApplicationPdf({
          answers,
          classification,
          date,
          source,
          masked: !full,
          situations: { father: record.parents.father.situation, mother: record.parents.mother.situation },
          // The application goes to the township of the child's hukou (62号).
          township: place(record.child.hukouRegion?.slice(0, 9)),
          // The person who filled in the registration: the guardian or the entrusted relative who applies.
          applicant: { name: answers['contact.name'], relation: answers['contact.relation'], phone: answers['contact.phone'] },
        })
  await audit(app.db, {
    actor,
    action: 'print',
    targetType: 'registration',
    targetId: row.id,
    regionCode: row.village_code,
    ip,
    detail: { form: kind, fullIdNumbers: full },
  })
  const filename =
    kind === 'registration_form' ? FILE_WORDS.registrationForm(record.child.name, date) : FILE_WORDS.application(record.child.name, date)
  return { pdf, filename, asciiName: `${kind}-${row.id.slice(0, 8)}-${date}.pdf` }
}

/**
 * 一人一表: one registration on an A4 page in the layout of 附件1 of 民发〔2016〕42号 (form-2016.ts), with the
 * header (填报单位, 填报日期), the family's and the village worker's signatures, and the footer lines.
 */
import { FORM_2016, FORM_2016_GRID, FORM_2016_TITLE, formColumns, type GridCell } from './form-2016'
import type { Answers } from './answers'
import { choiceText, grid, newPdf, paragraph, spreadLine, title, type Cell } from './pdf'
import { FORM_WORDS as W } from './words'

export interface RegistrationFormInput {
  answers: Answers
  /** 填报单位: the region of the worker who prints. */
  unit: string
  date: string
  source: { id: string; version: number }
  masked: boolean
}

export const SIGNATURES = {
  family: '监护人（或受委托监护人）确认签字：',
  worker: '村（居）儿童主任签字：',
  dateLabel: '日期：',
} as const

const CHOICES = new Map(formColumns(FORM_2016).map(({ field }) => [field.key, field.choices]))

function cellOf(cell: GridCell, answers: Answers): Cell {
  if ('section' in cell) return { text: cell.section, span: cell.span, kind: 'section' }
  if ('label' in cell) return { text: cell.label, span: cell.span, kind: 'label' }
  const answer = answers[cell.key] ?? ''
  const choices = CHOICES.get(cell.key)
  // Multi-option answers read as on paper; short yes/no style answers (两个选项) stay a plain word.
  const text = choices && choices.length > 2 ? choiceText(choices, answer) : answer
  return { text, span: cell.span, kind: 'value' }
}

export async function registrationFormPdf(input: RegistrationFormInput): Promise<Buffer> {
  const { doc, finish } = newPdf({ title: FORM_2016_TITLE, subject: input.answers['child.name'] })
  title(doc, FORM_2016_TITLE)
  spreadLine(doc, [W.unit(input.unit), W.date(input.date)], { weights: [3, 1] })
  grid(
    doc,
    FORM_2016_GRID.map((row) => row.map((cell) => cellOf(cell, input.answers))),
  )
  for (const who of [SIGNATURES.family, SIGNATURES.worker]) {
    spreadLine(doc, [`${who}${W.signatureBlank}`, `${SIGNATURES.dateLabel}${W.dateBlank}`], { weights: [3, 2] })
  }
  doc.moveDown(0.6)
  spreadLine(
    doc,
    W.footer.map((f) => `${f}${W.signatureBlank}`),
  )
  doc.moveDown(0.4)
  const note = W.source(input.source.id, input.source.version, input.date)
  paragraph(doc, input.masked ? `${note}；${W.maskedNote}` : note, { size: 7 })
  return finish()
}

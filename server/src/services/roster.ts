/**
 * The roster (花名册) as an .xlsx workbook, written row by row so that it can go to a streaming writer
 * (exceljs's stream.xlsx.WorkbookWriter) as well as to a workbook in memory. Each sheet has the header
 * block of the national form (title, 填报单位, 填报日期), the three heading rows of roster-layout.ts, one row
 * per child and the footer lines (单位负责人 / 复核人 / 填表人). A township or county export has one sheet
 * per village after a summary sheet; a village worker's has its village's sheet only.
 * ID and phone numbers are full or masked as export.ts decided (and audited).
 */
import type ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import { classify } from '../../../src/domain/eligibility'
import type { Visit } from '../../../src/domain/review'
import { statusLabel } from '../../../src/domain/status'
import { categoriesOf, type RegistrationRow } from '../db/registrations'
import type { VillageCount } from '../db/roster'
import { formAnswers } from '../forms/answers'
import { ROSTER_COLUMNS, SUMMARY_CATEGORIES, type RosterColumn } from '../forms/roster-layout'
import { FORM_WORDS as W, ROSTER_WORDS as R } from '../forms/words'
import { openRecord } from './views'

/** One page of rows (in village order, db/roster.ts `rosterPage`) with what the roster shows beside them. */
export interface RosterPage {
  rows: RegistrationRow[]
  verifiedBy: Map<string, { by: string; at: string }>
  assessments: Map<string, Visit['guardianshipAssessment']>
}

export interface RosterInput {
  /** 填报单位: the exporting worker's region, in full. */
  unit: string
  date: string
  /** The summary sheet's lines, from the kept counters: it comes first, before any row is read. */
  counts: VillageCount[]
  /** The rows, page by page; each page is written and let go before the next is read. */
  pages: AsyncIterable<RosterPage>
  /** One sheet per village plus a summary (township and county); otherwise the one village's sheet. */
  perVillage: boolean
  full: boolean
}

/** What both exceljs writers offer: sheets are added, rows appended and committed in order. */
export type RosterWorkbook = Pick<ExcelJS.Workbook, 'addWorksheet'>
type Sheet = ExcelJS.Worksheet

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}
const HEADING_STYLE = {
  font: { bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  border: BORDER,
} as const

/**
 * The style of each column's body cells, one object per column shared by every row. exceljs knows a style it
 * has written before by the object's identity; a fresh object per cell made it render and compare each
 * cell's style as XML, a third of a roster's time. Text columns carry the column's '@' format, which a cell
 * given its own style would otherwise lose.
 */
const BODY_ALIGNMENT: Partial<ExcelJS.Alignment> = { vertical: 'middle', wrapText: true }
const CHILD_CELL_STYLES: Partial<ExcelJS.Style>[] = [
  { border: BORDER, alignment: BODY_ALIGNMENT },
  ...ROSTER_COLUMNS.map((c) =>
    c.text ? { numFmt: '@', border: BORDER, alignment: BODY_ALIGNMENT } : { border: BORDER, alignment: BODY_ALIGNMENT },
  ),
]

/** Excel refuses : \ / ? * [ ] in a sheet name and more than 31 characters; names must be unique. */
function sheetName(name: string, taken: Set<string>, code: string): string {
  let candidate = name.replace(/[:\\/?*[\]]/g, '').slice(0, 31) || code
  if (taken.has(candidate)) candidate = `${candidate.slice(0, 24)}（${code.slice(-6)}）`
  taken.add(candidate)
  return candidate
}

function newSheet(wb: RosterWorkbook, name: string, headingRows: number): Sheet {
  return wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headingRows, xSplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `3:${headingRows}`,
    },
    properties: { defaultColWidth: 10 },
  })
}

/** The streaming writer's sheets are committed (written out) once done; a sheet in memory has nothing to do. */
const commitSheet = (ws: Sheet) => (ws as Sheet & { commit?(): void }).commit?.()

/** Title, then 填报单位 / 村（居） / 填报日期 on one row. */
function headerBlock(ws: Sheet, width: number, title: string, unit: string, date: string, village?: string) {
  const t = ws.addRow([title])
  ws.mergeCells(t.number, 1, t.number, width)
  t.getCell(1).font = { bold: true, size: 16 }
  t.getCell(1).alignment = { horizontal: 'center' }
  t.height = 28
  const third = Math.max(1, Math.floor(width / 3))
  const line = ws.addRow([])
  line.getCell(1).value = W.unit(unit)
  if (village) line.getCell(third + 1).value = W.village(village)
  line.getCell(width - third + 1).value = W.date(date)
  ws.mergeCells(line.number, 1, line.number, third)
  ws.mergeCells(line.number, third + 1, line.number, width - third)
  ws.mergeCells(line.number, width - third + 1, line.number, width)
  line.getCell(width - third + 1).alignment = { horizontal: 'right' }
}

/** 单位负责人 / 复核人 / 填表人, one blank row below the table. */
function footer(ws: Sheet, width: number) {
  ws.addRow([])
  const row = ws.addRow([])
  const third = Math.max(1, Math.floor(width / 3))
  const starts = [1, third + 1, width - third + 1]
  W.footer.forEach((label, i) => {
    row.getCell(starts[i]).value = label
    ws.mergeCells(row.number, starts[i], row.number, i < 2 ? starts[i + 1] - 1 : width)
  })
  row.height = 24
}

/** Three heading rows: section (A–E, then the app's own), group (祖父, 父亲 …) or the field itself, field. */
function headings(ws: Sheet, columns: readonly RosterColumn[]) {
  const first = ws.addRow([R.serial, ...columns.map((c) => c.section)])
  const second = ws.addRow(['', ...columns.map((c) => (c.wholeSection ? '' : (c.group ?? c.label)))])
  const third = ws.addRow(['', ...columns.map((c) => (c.group ? c.label : ''))])
  const r = first.number
  ws.mergeCells(r, 1, r + 2, 1)
  const span = (row: number, from: number, same: (a: RosterColumn, b: RosterColumn) => boolean) => {
    let start = 0
    for (let i = 1; i <= columns.length; i++) {
      if (i === columns.length || !same(columns[start], columns[i])) {
        if (i - start > 1) ws.mergeCells(row, from + start, row, from + i - 1)
        start = i
      }
    }
  }
  span(r, 2, (a, b) => a.section === b.section)
  span(r + 1, 2, (a, b) => !!a.group && a.group === b.group && a.section === b.section)
  columns.forEach((c, i) => {
    if (c.wholeSection) ws.mergeCells(r, i + 2, r + 2, i + 2)
    else if (!c.group) ws.mergeCells(r + 1, i + 2, r + 2, i + 2)
  })
  for (const row of [first, second, third]) {
    row.eachCell({ includeEmpty: true }, (cell) => Object.assign(cell, { style: HEADING_STYLE }))
    row.height = 30
  }
  ws.getColumn(1).width = 6
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 2)
    col.width = c.width
    // Text cells: Excel must not turn an 18-digit number into 4.41422E+17 or drop leading zeros.
    if (c.text) col.numFmt = '@'
  })
}

/** A village's sheet, opened with its header block and headings; rows are appended as their pages come. */
function openVillageSheet(app: FastifyInstance, wb: RosterWorkbook, input: RosterInput, code: string, name: string): Sheet {
  const ws = newSheet(wb, name, 5)
  headerBlock(ws, ROSTER_COLUMNS.length + 1, R.title, input.unit, input.date, app.regions.fullName(code) ?? code)
  headings(ws, ROSTER_COLUMNS)
  return ws
}

function childRow(app: FastifyInstance, ws: Sheet, input: RosterInput, page: RosterPage, row: RegistrationRow, serial: number) {
  const record = openRecord(app, row)
  const classification = classify(record, input.date)
  const answers = formAnswers(record, {
    place: (code) => (code ? (app.regions.fullName(code) ?? code) : ''),
    full: input.full,
    today: input.date,
    assessment: page.assessments.get(row.id),
    classification,
  })
  const entry = {
    answers,
    classification,
    categories: categoriesOf(row),
    status: statusLabel(row.status),
    verified: page.verifiedBy.get(row.id),
  }
  const added = ws.addRow([serial, ...ROSTER_COLUMNS.map((c) => c.value(entry))])
  added.eachCell({ includeEmpty: true }, (cell, column) => {
    cell.style = CHILD_CELL_STYLES[column - 1]!
  })
  added.commit()
}

function closeSheet(ws: Sheet, width: number) {
  footer(ws, width)
  commitSheet(ws)
}

function summarySheet(app: FastifyInstance, wb: RosterWorkbook, input: RosterInput) {
  const width = R.summaryColumns.length
  const ws = newSheet(wb, R.summarySheet, 3)
  headerBlock(ws, width, R.summaryTitle, input.unit, input.date)
  const head = ws.addRow([...R.summaryColumns])
  head.eachCell((cell) => Object.assign(cell, { style: HEADING_STYLE }))
  const sum = (pick: (v: VillageCount) => number) => input.counts.reduce((n, v) => n + pick(v), 0)
  input.counts.forEach((v, i) => {
    ws.addRow([i + 1, app.regions.name(v.village_code) ?? v.village_code, v.n, ...SUMMARY_CATEGORIES.map((c) => v[c])]).eachCell((cell) => {
      cell.border = BORDER
    })
  })
  const total = ws.addRow(['', R.total, sum((v) => v.n), ...SUMMARY_CATEGORIES.map((c) => sum((v) => v[c]))])
  total.font = { bold: true }
  total.eachCell({ includeEmpty: true }, (cell) => {
    cell.border = BORDER
  })
  ws.getColumn(2).width = 24
  for (let i = 3; i <= width; i++) ws.getColumn(i).width = 14
  footer(ws, width)
  commitSheet(ws)
}

/**
 * Writes the roster's sheets into `wb` (in memory or streaming), page by page: a village's sheet is
 * committed when the next village's first row arrives. Answers how many rows were written; the caller
 * commits the workbook.
 */
export async function writeRoster(app: FastifyInstance, wb: RosterWorkbook, input: RosterInput): Promise<number> {
  const width = ROSTER_COLUMNS.length + 1
  if (input.perVillage) summarySheet(app, wb, input)
  const taken = new Set<string>([R.summarySheet])
  let open: { code: string; ws: Sheet; serial: number } | undefined
  let written = 0
  for await (const page of input.pages) {
    for (const row of page.rows) {
      if (open?.code !== row.village_code) {
        if (open) closeSheet(open.ws, width)
        const code = row.village_code
        open = { code, ws: openVillageSheet(app, wb, input, code, sheetName(app.regions.name(code) ?? code, taken, code)), serial: 0 }
      }
      childRow(app, open.ws, input, page, row, ++open.serial)
      written++
    }
  }
  if (open) closeSheet(open.ws, width)
  else if (!input.perVillage) {
    // A village with no registration yet still gets its (empty) roster to file.
    const ws = newSheet(wb, R.title, 5)
    headerBlock(ws, width, R.title, input.unit, input.date)
    headings(ws, ROSTER_COLUMNS)
    closeSheet(ws, width)
  }
  return written
}

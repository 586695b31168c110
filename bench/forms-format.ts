/**
 * Which file for the 一人一表: the PDF the server prints (server/src/forms) against the same layout as an
 * A4-ready .xlsx (exceljs: the same grid of FORM_2016_GRID, merged cells, borders, A4 portrait fitted to one
 * page). Size and time to make, for the four fixtures; and fidelity: how many pages each comes out as and
 * which fonts a reader uses — the PDF carries its font, the .xlsx names one and the reader substitutes (read
 * with LibreOffice when `soffice` is installed: it converts the .xlsx as an office suite would print it).
 * Writes bench/results/forms-format-<date>.json and a row in bench/results/README.md.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { classify } from '../src/domain/eligibility'
import { formAnswers, type Answers } from '../server/src/forms/answers'
import { FORM_2016, FORM_2016_GRID, FORM_2016_TITLE, formColumns } from '../server/src/forms/form-2016'
import { choiceText } from '../server/src/forms/pdf'
import { registrationFormPdf } from '../server/src/forms/registration-form'
import { regionIndex } from '../server/src/regions'
import { addResultRow, machine, today, writeResult } from './results'

const FIXTURES = ['left-behind', 'de-facto-unsupported', 'disability', 'orphan']
const RUNS = 7
const regions = regionIndex()
const CHOICES = new Map(formColumns(FORM_2016).map(({ field }) => [field.key, field.choices]))

async function xlsxForm(answers: Answers): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('一人一表', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      margins: { left: 0.6, right: 0.6, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
    },
  })
  ws.columns = Array.from({ length: 8 }, () => ({ width: 12 }))
  const title = ws.addRow([FORM_2016_TITLE])
  ws.mergeCells(title.number, 1, title.number, 8)
  title.getCell(1).font = { bold: true, size: 16 }
  title.getCell(1).alignment = { horizontal: 'center' }
  for (const gridRow of FORM_2016_GRID) {
    const row = ws.addRow([])
    let col = 1
    for (const cell of gridRow) {
      const span = cell.span ?? 1
      const target = row.getCell(col)
      if ('section' in cell) target.value = cell.section
      else if ('label' in cell) target.value = cell.label
      else {
        const choices = CHOICES.get(cell.key)
        target.value = choices && choices.length > 2 ? choiceText(choices, answers[cell.key] ?? '') : (answers[cell.key] ?? '')
      }
      if (span > 1) ws.mergeCells(row.number, col, row.number, col + span - 1)
      target.alignment = { vertical: 'middle', horizontal: 'key' in cell && span <= 4 ? 'center' : 'left', wrapText: true }
      if (!('key' in cell)) {
        target.font = { bold: true }
        target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
      }
      for (let c = col; c < col + span; c++) {
        row.getCell(c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }
      }
      col += span
    }
  }
  ws.addRow([])
  ws.addRow(['监护人（或受委托监护人）确认签字：', '', '', '', '', '日期：'])
  ws.addRow(['单位负责人：', '', '', '复核人：', '', '', '填表人：'])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function timed<T>(make: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const times: number[] = []
  let value: T | undefined
  await make() // warm: fonts read, code compiled
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint()
    value = await make()
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return { value: value!, ms: median(times) }
}

/** Pages and fonts of a PDF (the subset tag dropped), with poppler's pdfinfo / pdffonts. */
function pdfFacts(file: string) {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1])
  const fonts = execFileSync('pdffonts', [file])
    .toString()
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''))
  return { pages, fonts }
}

/** `--png <dir>`: the first fixture's pages, as the PDF prints and as LibreOffice prints the .xlsx. */
const PNG_DIR = process.argv.includes('--png') ? process.argv[process.argv.indexOf('--png') + 1] : undefined
const png = (pdf: string, name: string) =>
  PNG_DIR && execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(PNG_DIR, name)])

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'forms-format-'))
  const soffice = ['soffice', 'libreoffice'].find((cmd) => {
    try {
      execFileSync('which', [cmd])
      return true
    } catch {
      return false
    }
  })
  const rows = []
  for (const name of FIXTURES) {
    const record = JSON.parse(readFileSync(join(__dirname, '..', 'tests', 'fixtures', 'registrations', `${name}.json`), 'utf8'))
    const date = today()
    const answers = formAnswers(record, {
      place: (c) => (c ? (regions.fullName(c) ?? c) : ''),
      full: true,
      today: date,
      classification: classify(record, date),
    })
    const pdf = await timed(() =>
      registrationFormPdf({ answers, unit: '广东省梅州市大埔县茶阳镇茅坪村委会', date, source: { id: name, version: 1 }, masked: false }),
    )
    const xlsx = await timed(() => xlsxForm(answers))
    const pdfFile = join(dir, `${name}.pdf`)
    const xlsxFile = join(dir, `${name}.xlsx`)
    writeFileSync(pdfFile, pdf.value)
    writeFileSync(xlsxFile, xlsx.value)
    let xlsxPrinted: ReturnType<typeof pdfFacts> | undefined
    if (soffice) {
      execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), xlsxFile], { stdio: 'ignore' })
      const converted = join(dir, 'lo', `${name}.pdf`)
      if (existsSync(converted)) xlsxPrinted = pdfFacts(converted)
      if (name === FIXTURES[0]) png(converted, 'forms-format-xlsx-in-libreoffice')
    }
    if (name === FIXTURES[0]) png(pdfFile, 'forms-format-pdf')
    rows.push({
      fixture: name,
      pdfBytes: pdf.value.length,
      pdfMs: pdf.ms,
      pdf: pdfFacts(pdfFile),
      xlsxBytes: xlsx.value.length,
      xlsxMs: xlsx.ms,
      xlsxPrinted,
    })
  }
  rmSync(dir, { recursive: true, force: true })
  const report = { date: today(), machine: machine(), runs: RUNS, rows }
  console.log(JSON.stringify(report, null, 2))
  console.log(writeResult('forms-format', report))
  const m = machine()
  const printed = rows[0].xlsxPrinted
  addResultRow('forms', [
    today(),
    `${m.cores} cores, Node ${m.node}`,
    median(rows.map((r) => r.pdfBytes)),
    median(rows.map((r) => r.pdfMs)).toFixed(0),
    median(rows.map((r) => r.xlsxBytes)),
    median(rows.map((r) => r.xlsxMs)).toFixed(0),
    printed ? `${printed.pages} page / ${printed.fonts.join(', ')} (the reader's)` : 'soffice not installed',
  ])
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

/**
 * A4 PDF pages drawn with pdfkit, in Noto Sans SC from the npm package @expo-google-fonts/noto-sans-sc (a
 * dependency of this repository, OFL-1.1): the font never depends on what the server machine has installed,
 * and pdfkit embeds only the glyphs a document uses (a subset of a few dozen KB instead of 10 MB).
 * The layouts (form-2016.ts, allowance-application.ts) say what goes where; this file only draws.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { FORM_WORDS } from './words'

const fontFile = (file: string) => createRequire(__filename).resolve(`@expo-google-fonts/noto-sans-sc/${file}`)
export const FONT_FILES = {
  regular: fontFile('400Regular/NotoSansSC_400Regular.ttf'),
  bold: fontFile('700Bold/NotoSansSC_700Bold.ttf'),
} as const

/**
 * The font files read once per process (≈ 10 MB each) rather than once per document. As Uint8Array made
 * here, not Node's Buffer: pdfkit tests `instanceof Uint8Array`, which a Buffer from another realm (the
 * jsdom page tests run this server in-process) fails.
 */
const REGULAR = 'NotoSansSC-Regular'
const BOLD = 'NotoSansSC-Bold'
let fontBytes: { regular: Uint8Array; bold: Uint8Array } | undefined
const FONTS = {
  get regular() {
    return (fontBytes ??= loadFonts()).regular
  },
  get bold() {
    return (fontBytes ??= loadFonts()).bold
  },
}
function loadFonts() {
  return { regular: new Uint8Array(readFileSync(FONT_FILES.regular)), bold: new Uint8Array(readFileSync(FONT_FILES.bold)) }
}

/** A4 in points, with 15 mm margins left and right and 12 mm at top and bottom. */
export const PAGE = { width: 595.28, height: 841.89, marginX: 42, marginY: 34 } as const
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX

export type Doc = PDFKit.PDFDocument

export interface PdfMeta {
  title: string
  subject?: string
}

/** A new A4 document; `finish()` ends it and resolves with its bytes. */
export function newPdf(meta: PdfMeta): { doc: Doc; finish(): Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.marginY, bottom: PAGE.marginY, left: PAGE.marginX, right: PAGE.marginX },
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: meta.title, Subject: meta.subject, Creator: FORM_WORDS.producer, Producer: FORM_WORDS.producer },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  doc.registerFont(REGULAR, FONTS.regular).registerFont(BOLD, FONTS.bold).font(REGULAR)
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  return {
    doc,
    finish: () => {
      doc.end()
      return done
    },
  }
}

export function title(doc: Doc, text: string, sub?: string) {
  doc.font(BOLD).fontSize(16).text(text, PAGE.marginX, doc.y, { width: CONTENT_WIDTH, align: 'center' })
  if (sub) doc.font(REGULAR).fontSize(9).text(sub, { width: CONTENT_WIDTH, align: 'center' })
  doc.moveDown(0.4)
}

/** One line of texts side by side (the header's 填报单位 / 填报日期, signature lines), widths by `weights`. */
export function spreadLine(doc: Doc, texts: readonly string[], { size = 10, weights = texts.map(() => 1) } = {}) {
  if (doc.y + 2 * size > PAGE.height - PAGE.marginY) doc.addPage()
  const y = doc.y
  const total = weights.reduce((a, b) => a + b, 0)
  doc.font(REGULAR).fontSize(size)
  let bottom = y
  let x = PAGE.marginX
  texts.forEach((t, i) => {
    const w = (CONTENT_WIDTH * weights[i]) / total
    doc.text(t, x, y, { width: w - 6, align: i === texts.length - 1 && texts.length > 1 ? 'right' : 'left' })
    bottom = Math.max(bottom, doc.y)
    x += w
  })
  doc.x = PAGE.marginX
  doc.y = bottom + 6
}

export function paragraph(doc: Doc, text: string, { size = 10, bold = false, gap = 2 } = {}) {
  doc
    .font(bold ? BOLD : REGULAR)
    .fontSize(size)
    .text(text, PAGE.marginX, doc.y, { width: CONTENT_WIDTH })
  doc.y += gap
}

/** An answer of a choice field as on paper: every option, the chosen ones marked ■, the others □. */
export function choiceText(choices: readonly string[], answer: string): string {
  const chosen = new Set(answer.split(FORM_WORDS.listSeparator))
  return choices.map((c) => `${chosen.has(c) ? FORM_WORDS.chosen : FORM_WORDS.notChosen}${c}`).join('  ')
}

export interface Cell {
  text: string
  span?: number
  kind: 'label' | 'value' | 'section'
}

const PAD = 3
const SIZE = { label: 8, value: 9, section: 9.5 } as const

/** A table over `columns` equal columns: each row as tall as its tallest cell, headings shaded. */
export function grid(doc: Doc, rows: readonly Cell[][], columns = 8) {
  const unit = CONTENT_WIDTH / columns
  for (const row of rows) {
    const heights = row.map((cell) => {
      doc.font(cell.kind === 'value' ? REGULAR : BOLD).fontSize(SIZE[cell.kind])
      return doc.heightOfString(cell.text || ' ', { width: unit * (cell.span ?? 1) - 2 * PAD }) + 2 * PAD
    })
    const height = Math.max(18, ...heights)
    if (doc.y + height > PAGE.height - PAGE.marginY) doc.addPage()
    const top = doc.y
    let x = PAGE.marginX
    row.forEach((cell) => {
      const w = unit * (cell.span ?? 1)
      if (cell.kind !== 'value')
        doc
          .rect(x, top, w, height)
          .fillColor(cell.kind === 'section' ? '#d9d9d9' : '#f2f2f2')
          .fill()
      doc.rect(x, top, w, height).lineWidth(0.6).strokeColor('#000').stroke()
      doc
        .fillColor('#000')
        .font(cell.kind === 'value' ? REGULAR : BOLD)
        .fontSize(SIZE[cell.kind])
      const textHeight = doc.heightOfString(cell.text || ' ', { width: w - 2 * PAD })
      doc.text(cell.text, x + PAD, top + (height - textHeight) / 2, {
        width: w - 2 * PAD,
        align: cell.kind === 'section' || (cell.span ?? 1) > 4 ? 'left' : 'center',
      })
      x += w
    })
    doc.x = PAGE.marginX
    doc.y = top + height
  }
  doc.y += 6
}

/**
 * Boxes side by side for those who sign or stamp (the village committee, the township, the county): the
 * heading at the top, room to write, and the stamp and date line at the bottom.
 */
export function signatureBoxes(doc: Doc, headings: readonly string[], bottomLine: string, height = 92) {
  if (doc.y + height > PAGE.height - PAGE.marginY) doc.addPage()
  const top = doc.y
  const w = CONTENT_WIDTH / headings.length
  headings.forEach((heading, i) => {
    const x = PAGE.marginX + i * w
    doc.rect(x, top, w, height).lineWidth(0.6).strokeColor('#000').stroke()
    doc
      .fillColor('#000')
      .font(BOLD)
      .fontSize(8.5)
      .text(heading, x + PAD, top + PAD, { width: w - 2 * PAD })
    doc
      .font(REGULAR)
      .fontSize(8)
      .text(bottomLine, x + PAD, top + height - 14, { width: w - 2 * PAD, align: 'right' })
  })
  doc.x = PAGE.marginX
  doc.y = top + height + 6
}

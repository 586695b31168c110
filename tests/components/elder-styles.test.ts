/**
 * 长辈模式 by the style sheets: sizes are in rem (so they follow the root font size), every tappable
 * thing is at least 3rem high in the mode (60 px at the 20 px root), no text is smaller than 0.9rem
 * there (18 px), and nothing is cut off (no ellipsis, no nowrap, no line clamp, no fixed heights in px).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ELDER_ROOT_PX, rootFontPx } from '@/store/settings'

const SRC = join(__dirname, '../../src')
function scssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'worker'
        ? []
        : scssFiles(join(dir, e.name))
      : e.name.endsWith('.scss') && !dir.endsWith('src')
        ? [join(dir, e.name)]
        : [],
  )
}
const sheets = scssFiles(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') }))
const all = sheets.map((s) => s.text).join('\n')

/** `selector { body }` blocks at the top level (our sheets nest at most one level inside a block). */
function rules(text: string): { selector: string; body: string }[] {
  const out: { selector: string; body: string }[] = []
  const re = /([^{}]+)\{([^{}]*)\}/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text.replace(/\/\/[^\n]*/g, '')))) out.push({ selector: m[1].trim(), body: m[2] })
  return out
}
const allRules = rules(all)
const rem = (body: string, prop: string) => {
  const m = new RegExp(`(?:^|;|\\s)${prop}:\\s*([\\d.]+)rem`).exec(body)
  return m ? Number(m[1]) : undefined
}

test('the rem base is at least 20 px in 长辈模式, whatever WeChat reports', () => {
  expect(ELDER_ROOT_PX).toBe(20)
  expect(rootFontPx(true, 14)).toBe(20)
  expect(rootFontPx(true, 17)).toBe(20)
  expect(rootFontPx(false, 24)).toBe(24) // large WeChat font: the mode is on and follows it
  expect(rootFontPx(false, 17)).toBe(17)
})

test('no sizes in px except hairlines, and nothing that cuts text off', () => {
  expect(sheets.length).toBeGreaterThan(8)
  for (const { file, text } of sheets) {
    const code = text.replace(/\/\/[^\n]*/g, '')
    expect({ file, px: code.match(/\d+px/g) ?? [] }).toEqual({ file, px: [] })
    expect({ file, cut: code.match(/ellipsis|nowrap|line-clamp|overflow:\s*hidden/g) ?? [] }).toEqual({ file, cut: [] })
    expect({ file, fixedHeight: code.match(/(?:^|[\s;])height:\s*[\d.]+rem/g) ?? [] }).toEqual({ file, fixedHeight: [] })
  }
})

test('every tappable element is at least 3rem (60 px) high in 长辈模式', () => {
  const tappable = [
    '.btn',
    '.choice',
    '.field__input',
    '.sheet__close',
    '.region__crumb',
    '.date__cell',
    '.error-summary__item',
    '.step-bar__mark', // every step can be tapped, not only the ones done
  ]
  for (const cls of tappable) {
    const elder = allRules.find((r) => r.selector === `.page--elder ${cls}`)
    expect({ cls, minHeight: elder && rem(elder.body, 'min-height') }).toEqual({ cls, minHeight: 3 })
  }
})

test('no text is smaller than 0.9rem (18 px) in 长辈模式', () => {
  for (const rule of allRules) {
    const size = rem(rule.body, 'font-size')
    if (size === undefined || size >= 0.9 || rule.selector.startsWith('.page--elder')) continue
    const elder = allRules.find((r) => r.selector === `.page--elder ${rule.selector}`)
    expect({ selector: rule.selector, elderSize: elder && (rem(elder.body, 'font-size') ?? 0) >= 0.9 }).toEqual({
      selector: rule.selector,
      elderSize: true,
    })
  }
})

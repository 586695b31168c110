/**
 * WeChat's 读屏 in the compiled weapp build: the aria attributes the H5 build names its controls with reach
 * the mini-program's templates (config/plugins/weapp-aria.js; Taro's own templates drop them) and the
 * rendered pages — the 长辈模式 switch, step 1's radio groups and options by their question and answer, the
 * text boxes by their label. Run `npm run build:weapp` first.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { WEAPP_DIST } from '../build/weapp-files'
import { closeAll, navigations, openPage, settle } from './harness'

afterEach(closeAll)

const BASE = () => readFileSync(join(WEAPP_DIST, 'base.wxml'), 'utf8')

/** Every opening tag of a template's root element whose tag is `tag`. */
function templateTags(tag: string): string[] {
  return [...BASE().matchAll(new RegExp(`<template name="[^"]+">\\s*<${tag}\\b[^>]*>`, 'g'))].map((m) => m[0])
}

/** For each template of level 0 (tmpl_0_<nn>): which data key each aria attribute is bound to. */
function ariaBindings(): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>()
  for (const m of BASE().matchAll(/<template name="tmpl_0_(\w+)">\s*<[\w-]+\b([^>]*)>/g)) {
    const attrs: Record<string, string> = {}
    for (const a of m[2].matchAll(/ (aria-[a-z]+)="\{\{i\.(\w+)\}\}"/g)) attrs[a[1]] = a[2]
    out.set(m[1], attrs)
  }
  return out
}

/**
 * [aria-role, aria-label, aria-checked] as WeChat would bind them: each node of the page's data (what
 * setData sent), read through the attributes its template binds. (miniprogram-simulate renders no
 * attributes beyond class and style, so the page's DOM cannot show them.)
 */
function named(page: unknown): string[][] {
  const bindings = ariaBindings()
  const found: string[][] = []
  const walk = (node: Record<string, any>) => {
    // Inputs and textareas: tmpl_0_<nn> only picks tmpl_0_<nn>_focus or _blur, which bind alike.
    const attrs = bindings.get(`${node.nn}_blur`) ?? bindings.get(String(node.nn)) ?? {}
    const value = (name: string) => (attrs[name] && node[attrs[name]] !== undefined ? String(node[attrs[name]]) : '')
    if (value('aria-role') || value('aria-label')) found.push([value('aria-role'), value('aria-label'), value('aria-checked')])
    for (const child of node.cn ?? []) walk(child)
  }
  walk((page as { instance: { data: { root: Record<string, any> } } }).instance.data.root)
  return found
}

test('the templates of view, input and textarea carry the aria attributes', () => {
  const views = templateTags('view')
  expect(views.length).toBeGreaterThan(10)
  // The view templates that take attributes beyond class and style (view, static-view and catch-view at
  // every level; Taro's pure-view is for a view with nothing else) name their node.
  for (const tag of views.filter((t) => t.includes('hover-class'))) {
    expect(tag).toMatch(/ aria-role="\{\{i\.p\w+\}\}"/)
    expect(tag).toMatch(/ aria-label="\{\{i\.p\w+\}\}"/)
    expect(tag).toMatch(/ aria-checked="\{\{i\.p\w+\}\}"/)
  }
  for (const tag of [...templateTags('input'), ...templateTags('textarea')]) expect(tag).toMatch(/ aria-label="\{\{i\.p\w+\}\}"/)
  // The runtime numbers the attributes from the same table.
  expect(readFileSync(join(WEAPP_DIST, 'app.js'), 'utf8')).toMatch(/"aria-role":""/)
})

test('home: the 长辈模式 switch and the start button reach 读屏 with their role and name', async () => {
  const { page } = await openPage('pages/index/index')
  const roles = named(page)
  expect(roles).toEqual(expect.arrayContaining([expect.arrayContaining(['switch'])]))
  expect(roles.find((r) => r[0] === 'switch')?.[2]).toBe('false')
  expect(roles).toEqual(expect.arrayContaining([expect.arrayContaining(['button'])]))
})

test('wizard step 1: a radio group named by its question, its options by their answer, a text box by its label', async () => {
  const { page: home } = await openPage('pages/index/index')
  home.querySelector('#home-start')!.dispatchEvent('tap')
  await settle()
  const id = new URLSearchParams((navigations.at(-1)?.url ?? '').split('?')[1]).get('id')!
  const { page } = await openPage('register/wizard/index', { id })
  const roles = named(page)
  expect(roles).toContainEqual(['radiogroup', '是否已登记户口', ''])
  expect(roles).toContainEqual(['radio', '是', 'false'])
  expect(roles.map((r) => r[1])).toContain('儿童姓名')
})

/**
 * src/domain is pure TypeScript shared by the mini-program and the server (docs/architecture.md, "Rules of
 * the house"): it may import only its own files and zod/mini — no Taro, React, zustand, Node modules
 * or server code.
 */
import { readFileSync } from 'fs'
import { relative, resolve } from 'path'
import { filesUnder, specifiers } from '../build/imports'

const DOMAIN = resolve(__dirname, '../../src/domain')
const ALLOWED_PACKAGES = ['zod/mini']

const FILES = filesUnder(DOMAIN)
const SOURCES = FILES.filter((f) => /\.(ts|tsx|js|mjs|cjs)$/.test(f))

test('src/domain holds only TypeScript sources', () => {
  expect(SOURCES.length).toBeGreaterThanOrEqual(10)
  expect(FILES.filter((f) => !/\.ts$/.test(f))).toEqual([])
})

test('the import scanner finds every kind of import (checked on a sample)', () => {
  const sample = [
    "import * as z from 'zod/mini'",
    "import { a, type B } from './a'",
    "import type { C } from './c'",
    "export { d } from './d'",
    "export * from './e'",
    "import './side-effect'",
    "const f = await import('./f')",
    "const g = require('fs')",
    'import {\n  h,\n  i,\n} from "./hi"',
  ].join('\n')
  expect(specifiers(sample)).toEqual(expect.arrayContaining(['zod/mini', './a', './c', './d', './e', './side-effect', './f', 'fs', './hi']))
  expect(specifiers(sample)).toHaveLength(9)
})

describe.each(SOURCES.map((f) => [relative(DOMAIN, f), f]))('%s', (_, file) => {
  const source = readFileSync(file, 'utf8')
  const found = specifiers(source)

  test('imports only its own files and zod/mini', () => {
    for (const spec of found) {
      const ok = ALLOWED_PACKAGES.includes(spec) || (spec.startsWith('.') && resolve(file, '..', spec).startsWith(DOMAIN))
      expect({ spec, ok }).toEqual({ spec, ok: true })
    }
  })

  test('no Taro, React, zustand, Node module or server code', () => {
    for (const spec of found) {
      expect(spec).not.toMatch(/^@tarojs\//)
      expect(spec).not.toMatch(/^react(-dom)?(\/|$)/)
      expect(spec).not.toMatch(/^zustand(\/|$)/)
      expect(spec).not.toMatch(/^node:/)
      expect(spec).not.toMatch(/^(fs|path|crypto|os|child_process|http|https|net|url|util|stream|buffer)(\/|$)/)
      expect(spec).not.toMatch(/(^|\/)server(\/|$)/)
      expect(spec).not.toMatch(/^@\//) // the alias reaches outside the domain
    }
  })

  test('no globals of the mini-program or of Node', () => {
    const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
    expect(code).not.toMatch(/\b(wx|Taro|process|Buffer|__dirname|localStorage|window|document)\s*\./)
  })
})

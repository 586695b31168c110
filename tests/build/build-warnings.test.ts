/**
 * A clean build: both builds record their warnings in dist/build-warnings/<type>.json
 * (config/plugins/build-warnings.js), and none may be mini-css-extract-plugin's "Conflicting order" —
 * two style sheets loaded in different orders by different pages, so which rule wins depends on the page
 * opened first. Run `npm run build:weapp` and `npm run build:h5` first (npm test does); a missing record fails.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const RECORDS = join(__dirname, '..', '..', 'dist', 'build-warnings')

function warningsOf(type: 'weapp' | 'h5'): string[] {
  const file = join(RECORDS, `${type}.json`)
  if (!existsSync(file)) throw new Error(`No record of the ${type} build's warnings (${file}): run npm run build:${type} first`)
  return JSON.parse(readFileSync(file, 'utf8')).warnings
}

test.each(['weapp', 'h5'] as const)('the %s build has no "Conflicting order" between style sheets', (type) => {
  const conflicts = warningsOf(type).filter((w) => /Conflicting order/i.test(w))
  expect(conflicts).toEqual([])
})

test('the record catches the warning it guards against', () => {
  // The plugin, fed a compilation with the warning mini-css-extract-plugin gives, writes it down.
  const { BuildWarnings } = require('../../config/plugins/build-warnings.js')
  const file = join(require('node:os').tmpdir(), `build-warnings-${process.pid}.json`)
  let done: (stats: unknown) => void = () => undefined
  new BuildWarnings(file).apply({ hooks: { done: { tap: (_name: string, fn: typeof done) => (done = fn) } } })
  done({
    compilation: { warnings: [new Error('chunk common [mini-css-extract-plugin]\nConflicting order. Following module has been added')] },
  })
  expect(JSON.parse(readFileSync(file, 'utf8')).warnings[0]).toContain('Conflicting order')
})

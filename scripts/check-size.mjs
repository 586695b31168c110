/**
 * `npm run check:size`: the package-size gate.
 * Builds weapp (skip with --no-build), prints the size of the main package and of each subpackage, and exits 1
 * when the main package is over 420 KB, a subpackage is over 500 KB, or a village name (server/data/gd-villages.json,
 * names of 4+ characters) appears in a main-package file. Which files count, and where, is decided by
 * scripts/lib/weapp-package.mjs. When the H5 build is there (dist/h5, or --h5 <dir>; `npm run build:h5` is not
 * run here), it also checks what the H5 home page costs on the wire (index.html and what it loads, brotli,
 * with headers: scripts/lib/h5-home.mjs) against 200 KB. With --write it also writes the figures to
 * bench/results/size-latest.json.
 *
 * Usage: node scripts/check-size.mjs [--no-build] [--write] [--dist <dir>] [--h5 <dir>]
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BUDGETS, mainPackageFiles, packageSizes } from './lib/weapp-package.mjs'
import { H5_BUDGET, h5HomeFiles } from './lib/h5-home.mjs'
import { loadVillageNames, villageScanner } from './lib/village-names.mjs'

const KB = 1024

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const distArg = args.indexOf('--dist')
const distDir = distArg >= 0 ? resolve(args[distArg + 1]) : join(root, 'dist', 'weapp')
const h5Arg = args.indexOf('--h5')
// The default H5 build only with the default weapp build (a test's --dist names a weapp build alone).
const h5Dir = h5Arg >= 0 ? resolve(args[h5Arg + 1]) : distArg >= 0 ? undefined : join(root, 'dist', 'h5')
const resultFile = join(root, 'bench', 'results', 'size-latest.json')

if (!args.includes('--no-build')) {
  const build = spawnSync('npm', ['run', '--silent', 'build:weapp'], { cwd: root, encoding: 'utf8' })
  if (build.status !== 0) {
    process.stdout.write(build.stdout)
    process.stderr.write(build.stderr)
    console.error('check:size: the weapp build failed')
    process.exit(1)
  }
}

const { main, subpackages } = packageSizes(distDir)
const scan = villageScanner(loadVillageNames(join(root, 'server', 'data', 'gd-villages.json')))
const leaks = mainPackageFiles(distDir)
  .map((file) => ({ file, names: scan(readFileSync(join(distDir, file), 'utf8')).slice(0, 5) }))
  .filter((hit) => hit.names.length > 0)

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`
const rows = [
  { name: 'main package', ...main, budget: BUDGETS.mainBytes },
  ...subpackages.map((sub) => ({ name: `subpackage ${sub.root}/`, ...sub, budget: BUDGETS.subpackageBytes })),
]
const failures = rows
  .filter((row) => row.bytes > row.budget)
  .map((row) => `${row.name} is ${kb(row.bytes)}, over its ${kb(row.budget)} budget`)
failures.push(...leaks.map((leak) => `village names in main-package file ${leak.file}: ${leak.names.join('、')}`))

const shown = distDir.startsWith(`${root}/`) ? distDir.slice(root.length + 1) : distDir
console.log(`weapp package sizes (${shown}; the files WeChat uploads)`)
for (const row of rows) {
  const state = row.bytes > row.budget ? 'OVER' : 'ok'
  console.log(
    `  ${row.name.padEnd(24)} ${row.bytes.toLocaleString('en-US').padStart(11)} B ${kb(row.bytes).padStart(10)}  ${String(row.files).padStart(3)} files  budget ${kb(row.budget)}  ${state}`,
  )
}
console.log(`  village names in the main package: ${leaks.length ? `${leaks.length} file(s)` : 'none'}`)

// An explicit --h5 must exist; the default dist/h5 is checked when it has been built.
const h5 = h5Dir && (h5Arg >= 0 || existsSync(join(h5Dir, 'index.html'))) ? h5HomeFiles(h5Dir) : undefined
const h5Home = h5 && { files: h5, wireBytes: h5.reduce((sum, f) => sum + f.wire, 0), budget: H5_BUDGET.homeWireBytes }
if (h5Home) {
  const state = h5Home.wireBytes > h5Home.budget ? 'OVER' : 'ok'
  console.log(`H5 home page on the wire (${h5Dir.startsWith(`${root}/`) ? h5Dir.slice(root.length + 1) : h5Dir}; brotli, with headers)`)
  for (const f of h5) console.log(`  ${f.file.padEnd(40)} ${f.bytes.toLocaleString('en-US').padStart(9)} B${f.brotli ? ' br' : ''}`)
  console.log(
    `  ${'total with headers'.padEnd(40)} ${h5Home.wireBytes.toLocaleString('en-US').padStart(9)} B ${kb(h5Home.wireBytes).padStart(10)}  budget ${kb(h5Home.budget)}  ${state}`,
  )
  if (state === 'OVER') failures.push(`the H5 home page is ${kb(h5Home.wireBytes)} on the wire, over its ${kb(h5Home.budget)} budget`)
  if (h5.some((f) => /\.(js|css|html)$/.test(f.file) && !f.brotli))
    failures.push('the H5 build has no brotli copies: build it with `npm run build:h5`')
} else if (h5Dir) console.log('H5 home page: no build in dist/h5, not checked')

if (args.includes('--write')) {
  const git = (...a) => {
    try {
      return execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim()
    } catch {
      return null
    }
  }
  const result = {
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD'),
    machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length, cpu: cpus()[0]?.model ?? null },
    budgets: BUDGETS,
    main,
    subpackages,
    villageLeaks: leaks,
    h5Home: h5Home && { wireBytes: h5Home.wireBytes, budget: h5Home.budget, files: h5Home.files },
    pass: failures.length === 0,
  }
  mkdirSync(dirname(resultFile), { recursive: true })
  writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`)
  console.log(`  written to ${resultFile.slice(root.length + 1)}`)
}

if (failures.length) {
  for (const failure of failures) console.error(`check:size: FAIL ${failure}`)
  process.exit(1)
}

/**
 * The weapp build output (dist/weapp) as WeChat packs it: which files are uploaded, and which package each
 * belongs to. The main package is every uploaded file not under a subpackage root declared in app.json.
 * Shared by scripts/check-size.mjs and the tests (through tests/build/weapp-files.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/** The size budgets (KB = 1,024 B): the one definition, used by check:size and the tests. */
export const BUDGETS = { mainBytes: 420 * 1024, subpackageBytes: 500 * 1024 }

/** Fails (never skips) when there is no build, so a missing build cannot make a check pass. */
export function assertWeappBuild(distDir) {
  if (!existsSync(join(distDir, 'app.json'))) {
    throw new Error(`No weapp build at ${distDir}: run \`npm run build:weapp\` first, then run this again.`)
  }
}

/** Subpackage roots from app.json (both spellings WeChat accepts), without leading or trailing slashes. */
export function subpackageRoots(distDir) {
  assertWeappBuild(distDir)
  const app = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8'))
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])]
    .map((p) => p.root.replace(/^\.?\/+|\/+$/g, ''))
    .filter((root) => root !== '')
}

/** Every file of the build, relative to distDir with forward slashes, sorted. */
export function allFiles(distDir) {
  assertWeappBuild(distDir)
  const files = []
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile()) files.push(relative(distDir, path).split(sep).join('/'))
    }
  }
  walk(distDir)
  return files.sort()
}

/** Files of the main package: not under any subpackage root (uploaded or not). */
export function mainPackageFiles(distDir) {
  const roots = subpackageRoots(distDir)
  return allFiles(distDir).filter((file) => !roots.some((root) => file.startsWith(`${root}/`)))
}

// What WeChat devtools leaves out of the uploaded code package, and nothing else:
// - its own project files, project.config.json and project.private.config.json (Taro copies the first one here);
// - files whose suffix is not on WeChat's upload list: code (js, json, wxml, wxss, wxs) plus wxs, png, jpg, jpeg,
//   gif, svg, json, cer, mp3, aac, m4a, mp4, wav, ogg, silk, wasm, br, cert (so the *.LICENSE.txt files that
//   the minifier writes are not shipped);
// - whatever project.config.json's packOptions.ignore lists.
// Sizes are of the files as built; WeChat compiles js/wxml/wxss again on upload, so its own figure differs a little.
const DEVTOOLS_FILES = new Set(['project.config.json', 'project.private.config.json'])
const UPLOADED_SUFFIXES = new Set([
  'js',
  'json',
  'wxml',
  'wxss',
  'wxs',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'svg',
  'cer',
  'mp3',
  'aac',
  'm4a',
  'mp4',
  'wav',
  'ogg',
  'silk',
  'wasm',
  'br',
  'cert',
])

function packIgnoreRules(distDir) {
  const config = join(distDir, 'project.config.json')
  if (!existsSync(config)) return []
  return JSON.parse(readFileSync(config, 'utf8')).packOptions?.ignore ?? []
}

function ignoredBy(rule, file) {
  const value = String(rule.value).replace(/^\.?\/+|\/+$/g, '')
  const f = file.toLowerCase()
  const v = value.toLowerCase() // WeChat compares case-insensitively
  const name = f.split('/').pop()
  switch (rule.type) {
    case 'file':
      return f === v
    case 'folder':
      return f.startsWith(`${v}/`)
    case 'suffix':
      return name.endsWith(String(rule.value).toLowerCase())
    case 'prefix':
      return name.startsWith(v)
    case 'regexp':
      return new RegExp(rule.value, 'i').test(file)
    default:
      throw new Error(`packOptions.ignore type "${rule.type}" is not supported by this size check: add it here`)
  }
}

/** Whether WeChat uploads this build file (path relative to distDir). */
export function isUploaded(file, rules = []) {
  if (DEVTOOLS_FILES.has(file)) return false
  const suffix = file.includes('.') ? file.slice(file.lastIndexOf('.') + 1).toLowerCase() : ''
  if (!UPLOADED_SUFFIXES.has(suffix)) return false
  return !rules.some((rule) => ignoredBy(rule, file))
}

/** Bytes per package of the files WeChat uploads: { main, subpackages: [{ root, … }] }, each { bytes, files }. */
export function packageSizes(distDir) {
  const roots = subpackageRoots(distDir)
  const rules = packIgnoreRules(distDir)
  const main = { bytes: 0, files: 0 }
  const subpackages = roots.map((root) => ({ root, bytes: 0, files: 0 }))
  for (const file of allFiles(distDir)) {
    if (!isUploaded(file, rules)) continue
    const bucket = subpackages.find(({ root }) => file.startsWith(`${root}/`)) ?? main
    bucket.bytes += statSync(join(distDir, file)).size
    bucket.files += 1
  }
  return { main, subpackages }
}

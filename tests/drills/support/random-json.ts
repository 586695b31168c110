/**
 * Seeded hostile JSON for drill 3: random values (keys from the API's own vocabulary mixed with odd ones,
 * strings with control characters, scripts, SQL, emoji, very long text), and fixtures broken in ways that
 * can never pass the schema — a field of another JSON type, an unknown key, a huge or deeply nested value, an
 * array where an object goes — so that a refused request must leave nothing behind.
 */
import { fixture } from '../../server/helpers'
import { pick } from './records'

type Rand = () => number
const KEYS = [
  'record',
  'baseVersion',
  'schemaVersion',
  'child',
  'name',
  'idNumber',
  'residenceRegion',
  'parents',
  'father',
  'guardianship',
  'family',
  'consent',
  'action',
  'reason',
  'fields',
  'visit',
  'version',
  'code',
  'username',
  'password',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  ' ',
  '\u0000',
  '名字',
  '$where',
  '$ne',
]
const STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202e\u0635\u0648\u0631',
  '😀👨‍👩‍👧',
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '"; DROP TABLE registrations; --',
  '../../etc/passwd',
  '%00',
  '${process.env}',
  '{{7*7}}',
  '441422201503081230',
  '\ud800',
  'NaN',
  '\\u0000',
  '陈小明',
]

export function randomString(rand: Rand): string {
  const r = rand()
  if (r < 0.5) return pick(rand, STRINGS)
  if (r < 0.9) return Array.from({ length: Math.floor(rand() * 40) }, () => String.fromCharCode(Math.floor(rand() * 0x9fff))).join('')
  return pick(rand, STRINGS).repeat(1 + Math.floor(rand() * 5000))
}

function randomScalar(rand: Rand): unknown {
  return pick(rand, [
    () => Math.floor(rand() * 2 ** 31) - 2 ** 30,
    () => rand() * 1e308,
    () => -0,
    () => 1e-320,
    () => true,
    () => false,
    () => null,
    () => randomString(rand),
    () => Number.MAX_SAFE_INTEGER + 2,
  ])()
}

export function randomJson(rand: Rand, depth = 0): unknown {
  const r = rand()
  if (depth > 4 || r < 0.3) return randomScalar(rand)
  if (r < 0.7) {
    return Object.fromEntries(Array.from({ length: Math.floor(rand() * 7) }, () => [pick(rand, KEYS), randomJson(rand, depth + 1)]))
  }
  return Array.from({ length: Math.floor(rand() * 6) }, () => randomJson(rand, depth + 1))
}

/** A value nested `levels` deep, as JSON text (built as text: JSON.stringify would recurse that deep). */
export function deepJson(levels: number, kind: 'array' | 'object', key = 'a'): string {
  return kind === 'array' ? '['.repeat(levels) + ']'.repeat(levels) : `{"${key}":`.repeat(levels) + '1' + '}'.repeat(levels)
}

/** Paths to every value of a JSON tree (objects and arrays included), e.g. ['child', 'name']. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = at.length ? [at] : []
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]))
  return out
}

function setAt(root: any, path: (string | number)[], value: unknown) {
  const parent = path.slice(0, -1).reduce((node, k) => node[k], root)
  parent[path[path.length - 1]] = value
}
const getAt = (root: any, path: (string | number)[]) => path.reduce((node, k) => node[k], root)

/** A value of another JSON type than `v` (the schema accepts exactly one type per field). */
function otherType(rand: Rand, v: unknown): unknown {
  if (typeof v === 'string') return pick(rand, [42, true, ['x'], { v: 'x' }])
  if (typeof v === 'boolean') return pick(rand, ['true', 1, [], {}])
  if (typeof v === 'number') return pick(rand, [String(v), [v], { v }, false])
  if (Array.isArray(v)) return pick(rand, [{ 0: 'x' }, 'x', 7])
  return pick(rand, [[v], 'object', 0, true])
}

/** A fixture broken so that it cannot be valid, as JSON text, with what was done to it. */
export function brokenFixture(rand: Rand, kinds: readonly string[]): { label: string; body: string } {
  const record = fixture(pick(rand, kinds))
  const all = paths(record)
  const path = pick(rand, all)
  const objects = [
    [],
    ...all.filter((p) => {
      const v = getAt(record, p)
      return v && typeof v === 'object' && !Array.isArray(v)
    }),
  ]
  const where = pick(rand, objects)
  const how = Math.floor(rand() * 6)
  const marker = '"__DEEP__"'
  switch (how) {
    case 0:
      setAt(record, path, otherType(rand, getAt(record, path)))
      break
    case 1:
      ;(where.length ? getAt(record, where) : record)[pick(rand, ['isAdmin', 'status', 'owner_id', 'version', 'extra'])] = randomJson(rand)
      break
    case 2:
      ;(where.length ? getAt(record, where) : record)[pick(rand, ['constructor', 'prototype'])] = {
        prototype: { polluted: true },
        polluted: true,
      }
      break
    case 3:
      setAt(record, path, 'x'.repeat(100_000 + Math.floor(rand() * 100_000)))
      break
    case 4:
      setAt(record, path, '__DEEP__')
      break
    default:
      setAt(record, where.length ? where : ['child'], [getAt(record, where.length ? where : ['child'])])
      break
  }
  let body = JSON.stringify(record)
  if (how === 4) body = body.replace(marker, deepJson(10_000, rand() < 0.5 ? 'array' : 'object'))
  const label = ['other type at', 'unknown key in', 'constructor key in', 'huge string at', '10,000 levels at', 'array instead of'][how]
  return { label: `${label} ${(how === 1 || how === 2 || how === 5 ? where : path).join('.') || '(record)'}`, body }
}

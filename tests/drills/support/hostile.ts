/**
 * The requests of drill 3: a fixed catalogue (bad and expired tokens, other people's ids, path tricks, body
 * sizes, content types, methods, query strings, login bodies) plus seeded random bodies up to the count asked
 * for. None of them may succeed in changing anything: each one is invalid, unauthorised or aimed at something
 * that is not the caller's.
 */
import { randomUUID } from 'node:crypto'
import { SignJWT } from 'jose'
import { FIXTURE_NAMES } from '../../server/helpers'
import type { Request } from './http'
import { brokenFixture, deepJson, randomJson, randomString } from './random-json'
import { freshRecord, pick } from './records'

export interface Actors {
  owner: string
  ownerId: string
  other: string
  worker: string
  neighbour: string
  /** A registration of the owner's, in the worker's village. */
  owned: string
  ownedRecord: unknown
  secret: Buffer
}
export type Hostile = Request & { label: string }

const API = '/api/v1'
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
/** Every byte percent-encoded (a lone surrogate goes as U+FFFD's bytes, as a browser would send it). */
const percent = (s: string) => [...Buffer.from(s)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')
const jsonHeaders = (token?: string) => ({ 'content-type': 'application/json', ...(token ? bearer(token) : {}) })

async function forged(a: Actors): Promise<[string, string][]> {
  const now = Math.floor(Date.now() / 1000)
  const sign = (claims: Record<string, unknown>, sub: string, iat: number, exp: number, key = a.secret, iss = 'hutong') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(iss)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(key)
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
  return [
    ["expired (signed with the server's secret)", await sign({ role: 'guardian', region: null }, a.ownerId, now - 8 * 86400, now - 86400)],
    ['expired a second ago', await sign({ role: 'guardian', region: null }, a.ownerId, now - 3600, now - 1)],
    ['another secret', await sign({ role: 'guardian', region: null }, a.ownerId, now, now + 3600, Buffer.alloc(32, 7))],
    ['another issuer', await sign({ role: 'guardian', region: null }, a.ownerId, now, now + 3600, a.secret, 'evil')],
    ['role raised to county_admin', await sign({ role: 'county_admin', region: '44' }, a.ownerId, now, now + 3600)],
    ['unknown user', await sign({ role: 'guardian', region: null }, randomUUID(), now, now + 3600)],
    ['SQL in sub', await sign({ role: 'guardian', region: null }, "' OR '1'='1", now, now + 3600)],
    ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: a.ownerId, role: 'guardian', iss: 'hutong', exp: now + 3600 })}.`],
    ['truncated', a.owner.slice(0, -10)],
    ['signature swapped', `${a.owner.split('.').slice(0, 2).join('.')}.${a.other.split('.')[2]}`],
    ['garbage', 'not.a.token'],
    ['10 KB', 'x'.repeat(10_240)],
  ]
}

export async function catalogue(a: Actors): Promise<Hostile[]> {
  const out: Hostile[] = []
  const add = (label: string, r: Request) => out.push({ label, ...r })
  const fresh = () => `${API}/registrations/${randomUUID()}`
  const valid = JSON.stringify(freshRecord(Math.random, 'orphan'))
  const owned = `${API}/registrations/${a.owned}`

  // Tokens: every one refused before anything is read or written (the PUTs carry a valid record).
  const tokens: [string, Record<string, string>][] = [
    ['no token', {}],
    ['empty bearer', { authorization: 'Bearer ' }],
    ['Basic', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['lower-case scheme', { authorization: `bearer ${a.owner}` }],
    ['token twice', { authorization: `Bearer ${a.owner} ${a.owner}` }],
    ...(await forged(a)).map(([l, t]): [string, Record<string, string>] => [l, bearer(t)]),
  ]
  for (const [l, h] of tokens) {
    add(`${l}: PUT`, { method: 'PUT', path: fresh(), headers: { 'content-type': 'application/json', ...h }, body: valid })
    add(`${l}: withdraw`, { method: 'POST', path: `${owned}/withdraw`, headers: h })
    for (const p of [
      '/registrations',
      `/registrations/${a.owned}`,
      `/registrations/${a.owned}/history`,
      '/review/queue',
      '/stats',
      '/export.xlsx',
      '/auth/me',
    ]) {
      add(`${l}: GET ${p}`, { method: 'GET', path: API + p, headers: h })
    }
    add(`${l}: review`, {
      method: 'POST',
      path: `${owned}/review`,
      headers: { 'content-type': 'application/json', ...h },
      body: '{"action":"start_review"}',
    })
  }

  // Other people's ids: never seen, never changed.
  add("other guardian: PUT over the owner's id", { method: 'PUT', path: owned, headers: jsonHeaders(a.other), body: valid })
  add("other guardian: PUT the owner's own record", {
    method: 'PUT',
    path: owned,
    headers: jsonHeaders(a.other),
    body: JSON.stringify(a.ownedRecord),
  })
  add('other guardian: PUT with baseVersion', {
    method: 'PUT',
    path: owned,
    headers: jsonHeaders(a.other),
    body: JSON.stringify({ record: JSON.parse(valid), baseVersion: 1 }),
  })
  add('other guardian: upper-case id', {
    method: 'PUT',
    path: owned.toUpperCase().replace('/API/V1/REGISTRATIONS', `${API}/registrations`),
    headers: jsonHeaders(a.other),
    body: valid,
  })
  for (const suffix of ['', '/history'])
    add(`other guardian: GET${suffix}`, { method: 'GET', path: owned + suffix, headers: bearer(a.other) })
  add('other guardian: withdraw', { method: 'POST', path: `${owned}/withdraw`, headers: bearer(a.other) })
  add('neighbour worker: GET', { method: 'GET', path: owned, headers: bearer(a.neighbour) })
  for (const action of ['start_review', 'return', 'record_visit']) {
    add(`neighbour worker: ${action}`, {
      method: 'POST',
      path: `${owned}/review`,
      headers: jsonHeaders(a.neighbour),
      body: JSON.stringify({ action, reason: '不属实', fields: ['child'] }),
    })
  }
  add('worker: PUT a registration', { method: 'PUT', path: fresh(), headers: jsonHeaders(a.worker), body: valid })
  add('worker: withdraw', { method: 'POST', path: `${owned}/withdraw`, headers: bearer(a.worker) })
  add('owner: review own record', {
    method: 'POST',
    path: `${owned}/review`,
    headers: jsonHeaders(a.owner),
    body: '{"action":"start_review"}',
  })

  // 动态更新: the owner's record is not confirmed (409), others may not answer for it, and the bodies are checked.
  const quarterly = `${owned}/quarterly`
  for (const [label, token, body] of [
    ['owner: 没有变化 before confirmation', a.owner, '{"unchanged":true}'],
    ['owner: unchanged as a string', a.owner, '{"unchanged":"true"}'],
    ['owner: unchanged with extra keys', a.owner, '{"unchanged":true,"status":"confirmed"}'],
    ['owner: a change without baseVersion', a.owner, JSON.stringify({ record: a.ownedRecord })],
    ['owner: a change with baseVersion -1', a.owner, JSON.stringify({ record: a.ownedRecord, baseVersion: -1 })],
    [
      'owner: a change to another village',
      a.owner,
      JSON.stringify({
        record: {
          ...(a.ownedRecord as { child: object }),
          child: { ...(a.ownedRecord as { child: object }).child, residenceRegion: '441422101201' },
        },
        baseVersion: 1,
      }),
    ],
    ['other guardian: 没有变化', a.other, '{"unchanged":true}'],
    ['worker: 没有变化 for the guardian', a.worker, '{"unchanged":true}'],
    ['owner: array body', a.owner, '[{"unchanged":true}]'],
  ] as const) {
    add(`quarterly ${label}`, { method: 'POST', path: quarterly, headers: jsonHeaders(token), body })
  }
  for (const q of ['2026Q5', '9999Q1', '%00', "2026Q4'--", 'x'.repeat(40), '2026Q4&quarter=2026Q3'])
    add(`quarterly progress ?quarter=${q.slice(0, 20)}`, {
      method: 'GET',
      path: `${API}/review/quarterly?quarter=${q}`,
      headers: bearer(a.worker),
    })
  add('guardian: quarterly progress', { method: 'GET', path: `${API}/review/quarterly`, headers: bearer(a.owner) })

  // Path tricks in ids (a valid record each time: only the id is wrong). The Cyrillic look-alike replaces the
  // first character whatever it is: replacing the first 'a' left a random UUID without one valid (a flaky pass/fail).
  const u = randomUUID()
  const fullWidth = [...u].map((c) => (/\d/.test(c) ? encodeURIComponent(String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : c)).join('')
  for (const id of [
    `${u}x`,
    `x${u}`,
    `${u}%00`,
    `${u}%20`,
    `${u};x=1`,
    `${u}%0d%0aSet-Cookie:%20x=1`,
    '..%2f..%2fhealthz',
    '%2e%2e',
    '%2e%2e%2f%2e%2e%2fauth%2fme',
    '..',
    '.',
    '%2E',
    fullWidth,
    u.replace(/[0-9a-f]/, '%D0%B0'),
    '%ZZ',
    'a'.repeat(5000),
    "'%20OR%20'1'='1",
    '*',
    u.replace(/-/g, ''),
    `{${u}}`,
    ` ${u}`.replace(' ', '%20'),
  ]) {
    add(`path trick PUT ${id.slice(0, 40)}`, {
      method: 'PUT',
      path: `${API}/registrations/${id}`,
      headers: jsonHeaders(a.owner),
      body: valid,
    })
    add(`path trick GET ${id.slice(0, 40)}`, { method: 'GET', path: `${API}/registrations/${id}`, headers: bearer(a.other) })
  }
  for (const p of [
    `${owned}/../${a.owned}`,
    `${API}/registrations/..%2f${a.owned}`,
    `${API}/x/../registrations/${a.owned}`,
    `/..${owned}`,
    `//${owned.slice(1)}`,
    `${API}//registrations/${a.owned}`,
  ]) {
    add(`dot path GET ${p.slice(0, 60)}`, { method: 'GET', path: p, headers: bearer(a.other) })
  }

  // Sizes and content types (valid records where only the wrapping is wrong).
  add('1 MB body', {
    method: 'PUT',
    path: fresh(),
    headers: jsonHeaders(a.owner),
    body: JSON.stringify({ ...JSON.parse(valid), pad: 'x'.repeat(1 << 20) }),
  })
  add('256 KB + 1 body', {
    method: 'PUT',
    path: fresh(),
    headers: jsonHeaders(a.owner),
    body: `${valid.slice(0, -1)},"pad":"${'y'.repeat(256 * 1024 - valid.length + 8)}"}`,
  })
  add('4 MB chunked', { method: 'PUT', path: fresh(), headers: jsonHeaders(a.owner), body: `"${'z'.repeat(4 << 20)}"`, chunked: true })
  add('30,000-item array', {
    method: 'PUT',
    path: fresh(),
    headers: jsonHeaders(a.owner),
    body: JSON.stringify({ ...JSON.parse(valid), family: { ...JSON.parse(valid).family, needs: Array(30_000).fill('a') } }),
  })
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'text/html',
    'application/octet-stream',
  ]) {
    add(`content type ${type}`, { method: 'PUT', path: fresh(), headers: { ...bearer(a.owner), 'content-type': type }, body: valid })
  }
  add('no content type', { method: 'PUT', path: fresh(), headers: bearer(a.owner), body: valid })
  add('invalid UTF-8', {
    method: 'PUT',
    path: fresh(),
    headers: jsonHeaders(a.owner),
    body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
  })
  add('JSON with a BOM', { method: 'PUT', path: fresh(), headers: jsonHeaders(a.owner), body: `\ufeff{"x":1}` })
  for (const kind of ['array', 'object'] as const) {
    add(`10,000 levels (${kind}) as the body`, {
      method: 'PUT',
      path: fresh(),
      headers: jsonHeaders(a.owner),
      body: deepJson(10_000, kind),
    })
    add(`10,000 levels (${kind}) with constructor`, {
      method: 'PUT',
      path: fresh(),
      headers: jsonHeaders(a.owner),
      body: deepJson(10_000, kind, 'constructor'),
    })
    add(`10,000 levels (${kind}) as a review`, {
      method: 'POST',
      path: `${owned}/review`,
      headers: jsonHeaders(a.worker),
      body: deepJson(10_000, kind),
    })
    add(`100,000 levels (${kind})`, {
      method: 'PUT',
      path: fresh(),
      headers: jsonHeaders(a.owner),
      body: deepJson(100_000, kind, '__proto__'),
    })
  }
  for (const body of [
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    `{"record":${valid},"__proto__":{"baseVersion":1}}`,
    `[${valid}]`,
    `{"record":[${valid}]}`,
    'null',
    '0',
    '"x"',
    '[]',
    '{"record":null}',
    '{"record":{}}',
  ]) {
    add(`body ${body.slice(0, 30)}`, { method: 'PUT', path: fresh(), headers: jsonHeaders(a.owner), body })
  }

  // Methods and routes that do not exist.
  for (const method of ['DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'HEAD', 'PROPFIND', 'POST', 'PUT']) {
    for (const p of [owned, `${API}/registrations`, `${API}/review/queue`, '/healthz', `${API}/auth/me`]) {
      if ((method === 'PUT' && p === owned) || (method === 'HEAD' && p === '/healthz')) continue
      add(`${method} ${p.slice(0, 40)}`, {
        method,
        path: p,
        headers: jsonHeaders(a.owner),
        body: method === 'HEAD' || method === 'OPTIONS' || method === 'TRACE' ? undefined : '{}',
      })
    }
  }
  for (const p of [
    '/api/v2/registrations',
    `${owned}/evil`,
    '/%2e%2e/%2e%2e/etc/passwd',
    '/../../etc/passwd',
    `${API}/regions/../../../etc/passwd`,
    `${API}/regions/44%00/children`,
    `${API}/regions/${'4'.repeat(13)}/villages`,
    `/${'a/'.repeat(2000)}`,
    `${API}/`,
    '/api',
    '/\u00e9',
  ]) {
    add(`unknown ${p.slice(0, 40)}`, { method: 'GET', path: p, headers: bearer(a.owner) })
  }

  // Query strings.
  const queries = [
    'limit=-1',
    'limit=0',
    'limit=101',
    'limit=1e9',
    'limit=abc',
    'limit[]=1',
    'status=__proto__',
    'status=all&status=submitted',
    'category=x',
    'cursor=garbage',
    `cursor=${Buffer.from('9999|x').toString('base64url')}`,
    `cursor=${Buffer.from("2026-01-01T00:00:00.000Z|' OR 1=1 --").toString('base64url')}`,
    `q=${percent('陈'.repeat(3000))}`,
    'q=%00',
    'q=%',
    'region=../../',
    'region=4414221012001',
    'region=constructor',
    'region[__proto__]=x',
    '__proto__[polluted]=1',
    'constructor[prototype][polluted]=1',
    'mask=2',
    `region=${'9'.repeat(500)}`,
  ]
  for (const q of queries)
    for (const p of ['/review/queue', '/stats', '/export.xlsx'])
      add(`GET ${p}?${q.slice(0, 30)}`, { method: 'GET', path: `${API}${p}?${q}`, headers: bearer(a.neighbour) })

  // Review bodies that cannot pass (the worker is the record's own village worker).
  for (const body of [
    { action: 'verify' },
    { action: 'approve' },
    { action: 'start_review', version: 99 },
    { action: 'start_review', extra: 1 },
    { action: 'return', reason: '不属实' },
    { action: 'return', reason: 'x'.repeat(100_000), fields: ['child'] },
    { action: 'return', reason: '不属实', fields: ['__proto__'] },
    { action: 'record_visit', visit: { date: '2026-13-45' } },
    { action: 'start_review', version: '1' },
    { action: ['start_review'] },
    { action: 'submit' },
    { action: 'withdraw' },
  ]) {
    add(`review ${JSON.stringify(body).slice(0, 50)}`, {
      method: 'POST',
      path: `${owned}/review`,
      headers: jsonHeaders(a.worker),
      body: JSON.stringify(body),
    })
  }

  // Login bodies.
  for (const body of [{ code: 123 }, { code: 'x'.repeat(129) }, { code: {} }, { code: 'a', extra: 1 }, { code: ['a'] }, { code: '' }]) {
    add(`wx-login ${JSON.stringify(body).slice(0, 30)}`, {
      method: 'POST',
      path: `${API}/auth/wx-login`,
      headers: jsonHeaders(),
      body: JSON.stringify(body),
    })
  }
  // A device secret guessed, injected or of the wrong shape: 400 or 401, never a guardian (docs/wechat.md).
  for (const body of [
    { secret: { $ne: null } },
    { secret: ["' OR 1=1 --"] },
    { secret: "' OR '1'='1" },
    { secret: '%' },
    { secret: 's'.repeat(129) },
    { secret: 12345678 },
    { secret: '' },
    { secret: a.secret.toString('base64url') },
  ]) {
    add(`device-login ${JSON.stringify(body).slice(0, 30)}`, {
      method: 'POST',
      path: `${API}/auth/device-login`,
      headers: jsonHeaders(),
      body: JSON.stringify(body),
    })
  }
  for (const body of [
    { username: { $ne: null }, password: { $ne: null } },
    { username: "' OR 1=1 --", password: 'x' },
    { username: 'a', password: 'p'.repeat(200_000) },
    { username: 'a' },
  ]) {
    add(`worker-login ${JSON.stringify(body).slice(0, 30)}`, {
      method: 'POST',
      path: `${API}/auth/worker-login`,
      headers: jsonHeaders(),
      body: JSON.stringify(body),
    })
  }
  return out
}

/** Seeded random bodies: random JSON to every body-taking endpoint, and broken fixtures to PUT. */
export function randomRequests(a: Actors, rand: () => number, n: number): Hostile[] {
  return Array.from({ length: n }, (_, i) => {
    const r = rand()
    if (r < 0.45) {
      const broken = brokenFixture(rand, FIXTURE_NAMES)
      const envelope = rand() < 0.3
      return {
        label: `#${i} broken fixture: ${broken.label}${envelope ? ' (in an envelope)' : ''}`,
        method: 'PUT',
        path: `${API}/registrations/${randomUUID()}`,
        headers: jsonHeaders(a.owner),
        body: envelope ? `{"record":${broken.body}}` : broken.body,
      }
    }
    const body = JSON.stringify(randomJson(rand)) ?? 'null'
    const target = pick(rand, [
      { method: 'PUT', path: `${API}/registrations/${randomUUID()}`, token: a.owner },
      { method: 'PUT', path: `${API}/registrations/${a.owned}`, token: a.owner },
      { method: 'POST', path: `${API}/registrations/${a.owned}/review`, token: a.worker },
      { method: 'POST', path: `${API}/auth/worker-login`, token: undefined },
      { method: 'GET', path: `${API}/review/queue?q=${percent(randomString(rand).slice(0, 2000))}`, token: a.worker },
    ])
    return {
      label: `#${i} random JSON → ${target.method} ${target.path.slice(0, 50)}`,
      method: target.method,
      path: target.path,
      headers: jsonHeaders(target.token),
      body: target.method === 'GET' ? undefined : body,
    }
  })
}

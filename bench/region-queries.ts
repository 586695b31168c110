/**
 * `npx tsx bench/region-queries.ts [rows]`: region-scoped reads at scale. Fills a fresh database (SQLite, or
 * PostgreSQL when DATABASE_URL is set) with N registrations (default 300,000) spread over every Guangdong
 * village, a fifth of them in 大埔县 as a heavy county, then times the worker endpoints through the app:
 * stats, the default queue, the all-status queue and an exact-name search, for a village, a township and
 * the county. Prints a table and writes bench/results/region-queries-<date>.json.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { buildApp } from '../server/src/app'
import { loadConfig } from '../server/src/config'
import { addWorker, upsertGuardian } from '../server/src/db/users'
import { hashPassword } from '../server/src/passwords'
import { derive } from '../server/src/services/derive'
import { validateSubmission } from '../server/src/services/submit'
import { contentHash } from '../server/src/vault'

const ROOT = join(__dirname, '..')
const N = Number(process.argv[2] ?? 300_000)
const STATUSES = ['submitted', 'village_review', 'verified', 'township_approved', 'confirmed', 'returned'] as const

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'hutong-scale-'))
  const config = loadConfig({} as NodeJS.ProcessEnv, { dataDir, logger: false, staticDir: join(dataDir, 'none'), databaseUrl: process.env.DATABASE_URL || undefined })
  const app = await buildApp({ config })
  const owner = await upsertGuardian(app.db, 'scale-owner')
  const villages = Object.entries(JSON.parse(readFileSync(join(ROOT, 'server/data/gd-villages.json'), 'utf8')) as Record<string, [string, string][]>)
    .flatMap(([t, vs]) => vs.map(([s]) => t + s))
  const dabu = villages.filter((v) => v.startsWith('441422'))
  const base = validateSubmission(app, JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/registrations/left-behind.json'), 'utf8'))).record

  const started = Date.now()
  for (let i = 0; i < N; i += 1000) {
    const rows = []
    for (let k = i; k < Math.min(N, i + 1000); k++) {
      const village = k % 5 === 0 ? dabu[k % dabu.length] : villages[k % villages.length]
      const record = { ...base, child: { ...base.child, residenceRegion: village, hukouRegion: village, name: `陈${k % 997}明` } }
      const id = randomUUID()
      const at = new Date(Date.UTC(2026, 0, 1) + k * 1000).toISOString()
      rows.push({
        id, owner_id: owner.id, status: STATUSES[k % STATUSES.length], version: 1, content_hash: contentHash(record),
        payload: app.vault.sealJson(record, id), ...derive(record, app.vault),
        // One child per row, as in real data (the fixture's ID number would make every row a duplicate).
        id_hmac: app.vault.lookup('id', `bench-${k}`), person_hmac: app.vault.lookup('person', `bench-${k}`),
        created_at: at, updated_at: at,
      })
    }
    await app.db.insertInto('registrations').values(rows).execute()
  }
  const fillSeconds = (Date.now() - started) / 1000
  // Steady state: statistics gathered and the visibility map set, as autovacuum leaves a live database.
  await sql.raw(app.dialect === 'postgres' ? 'vacuum analyze registrations' : 'analyze').execute(app.db)

  const token = async (role: 'village_worker' | 'township_supervisor' | 'county_admin', region: string) => {
    const username = `${role}-${region}`
    await addWorker(app.db, { username, passwordHash: await hashPassword('bench-password'), role, regionCode: region })
    return (await app.inject({ method: 'POST', url: '/api/v1/auth/worker-login', payload: { username, password: 'bench-password' } })).json().token as string
  }
  const scopes = [
    { level: '村 茅坪', token: await token('village_worker', '441422101200') },
    { level: '镇 茶阳', token: await token('township_supervisor', '441422101') },
    { level: '县 大埔', token: await token('county_admin', '441422') },
  ]
  const urls = ['/api/v1/stats', '/api/v1/review/queue', '/api/v1/review/queue?status=all', `/api/v1/review/queue?status=all&q=${encodeURIComponent('陈5明')}`]
  const results: { scope: string; url: string; rows?: number; medianMs: number }[] = []
  for (const s of scopes) {
    for (const url of urls) {
      const times: number[] = []
      let rows: number | undefined
      for (let r = 0; r < 7; r++) {
        const t = performance.now()
        const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${s.token}` } })
        times.push(performance.now() - t)
        if (res.statusCode !== 200) throw new Error(`${url} ${res.statusCode} ${res.body}`)
        const body = res.json()
        rows = body.total
      }
      times.sort((a, b) => a - b)
      results.push({ scope: s.level, url: url.replace('/api/v1', ''), rows, medianMs: Number(times[3].toFixed(1)) })
    }
  }
  const report = {
    date: new Date().toISOString().slice(0, 10), database: app.dialect, rows: N, inCounty441422: Math.ceil(N / 5),
    machine: { cpu: cpus()[0].model, cores: cpus().length, node: process.version }, fillSeconds, results,
  }
  console.table(results)
  writeFileSync(join(ROOT, 'bench/results', `region-queries-${app.dialect}-${report.date}.json`), `${JSON.stringify(report, null, 2)}\n`)
  await app.close()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})

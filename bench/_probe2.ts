import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../server/src/app'
import { loadConfig } from '../server/src/config'
async function main() {
  const dataDir = join(tmpdir(), 'hutong-national-postgres')
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/test?options=${encodeURIComponent('-c search_path=bench_national')}`
  const config = loadConfig({ DATABASE_URL: databaseUrl } as any, { dataDir, logger: false, staticDir: join(dataDir, 'none') })
  console.log('building'); const app = await buildApp({ config }); console.log('built')
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/worker-login', payload: { username: `bench-${process.env.ROLE ?? 'village_worker'}`, password: 'bench-password' } })
  const token = login.json().token
  for (const path of (process.env.PATHS ?? '/api/v1/review/queue,/api/v1/auth/me').split(',')) {
    const times: number[] = []
    for (let i = 0; i < Number(process.env.N ?? 300); i++) {
      const t = performance.now()
      const res = await app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${token}` } })
      times.push(performance.now() - t)
      if (res.statusCode !== 200 && i === 0) console.log(path, res.statusCode, res.body.slice(0, 200))
    }
    times.sort((a, b) => a - b)
    console.log(path, 'p50', times[Math.floor(times.length / 2)].toFixed(1), 'p95', times[Math.floor(times.length * 0.95)].toFixed(1))
  }
  await app.close(); process.exit(0)
}
main()

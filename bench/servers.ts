/**
 * The two servers under test, in one process (started by put-registration.ts, so that the load generator
 * runs in another process and does not take the server's CPU):
 *  - the real app (server/src/app.ts) on a fresh SQLite file: auth, schema validation, classification,
 *    encryption, the record, its history event and its audit row written together, concurrent submissions
 *    sharing one commit (server/src/db/group-commit.ts);
 *  - the same app with one commit per submission (what it did before group commit), on a file of its own;
 *  - a bare Fastify + better-sqlite3 server that inserts the raw body under the id, with the same SQLite
 *    durability settings (WAL, synchronous = FULL), as the floor to compare against.
 * Prints one JSON line { app, perWrite, bare, token } when all three listen.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { buildApp } from '../server/src/app'
import { loadConfig } from '../server/src/config'
import { openSqlite } from '../server/src/db/connect'

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'hutong-bench-'))
  // One guardian sends every request: the per-guardian limit is raised so that its counting (still done)
  // does not refuse them.
  const settings = (dir: string) => ({ dataDir: dir, logger: false, staticDir: join(dataDir, 'none'), guardianNewPerHour: 1e9 })
  const config = loadConfig({} as NodeJS.ProcessEnv, settings(dataDir))
  const app = await buildApp({ config })
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' })
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/wx-login', payload: { code: 'bench-device' } })
  const token = login.json().token as string
  const perWriteDir = mkdtempSync(join(tmpdir(), 'hutong-bench-'))
  const perWrite = await buildApp({
    // The same raised limit: without it every request after the tenth was a 429, and the figure measured refusals.
    config: loadConfig({} as NodeJS.ProcessEnv, settings(perWriteDir)),
    groupCommit: false,
  })
  const perWriteUrl = await perWrite.listen({ port: 0, host: '127.0.0.1' })
  const perWriteLogin = await perWrite.inject({ method: 'POST', url: '/api/v1/auth/wx-login', payload: { code: 'bench-device' } })

  const db = openSqlite(join(dataDir, 'bare.sqlite'))
  db.exec('create table drafts (id text primary key, body text not null)')
  const insert = db.prepare('insert into drafts (id, body) values (?, ?)')
  const bare = Fastify({ logger: false, bodyLimit: 256 * 1024 })
  bare.put<{ Params: { id: string } }>('/r/:id', async (req, reply) => {
    insert.run(req.params.id, JSON.stringify(req.body))
    return reply.code(201).send({ id: req.params.id })
  })
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' })
  process.stdout.write(
    `${JSON.stringify({ app: appUrl, perWrite: perWriteUrl, perWriteToken: perWriteLogin.json().token, bare: bareUrl, token })}\n`,
  )
  process.once('SIGTERM', () => process.exit(0))
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})

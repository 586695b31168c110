/**
 * A drained close on real sockets: a submission whose body is still arriving when the server starts closing
 * is received, stored and answered with `Connection: close`; a phone's idle keep-alive connection is closed;
 * and the close is over in well under the keep-alive timeout (72 s), which is how long an idle connection
 * used to keep the process alive. The whole process under load: tests/drills/sigterm-under-load.test.ts.
 */
import http from 'node:http'
import { connect } from 'node:net'
import { BACKENDS, fixture, startApp, uuid, type TestApp } from './helpers'

describe.each(BACKENDS)('drained close (%s)', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startApp(backend)
  })
  afterAll(async () => {
    await t.close()
  })

  test('an upload in progress is stored and answered, idle keep-alive connections are closed, close takes < 2 s', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = t.app.server.address() as { port: number }
    const token = await t.guardian()

    // An idle keep-alive connection: one answered request, then nothing (a phone between two actions).
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    let idleClosed!: Promise<void>
    await new Promise<void>((answered) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => {
        res.resume()
        res.on('end', answered)
      })
      idleClosed = new Promise((resolve) => req.once('socket', (s) => s.once('close', () => resolve())))
    })

    // A submission: headers and half of the body now, the rest after the close has begun.
    const id = uuid()
    const body = Buffer.from(JSON.stringify(fixture('left-behind')))
    const socket = connect(port, '127.0.0.1')
    await new Promise((r) => socket.once('connect', r))
    let answer = ''
    socket.on('data', (d) => {
      answer += d.toString()
    })
    const socketClosed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    socket.write(
      `PUT /api/v1/registrations/${id} HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    )
    socket.write(body.subarray(0, 100))
    await new Promise((r) => setTimeout(r, 100))

    const started = Date.now()
    const closed = t.app.close().then(() => Date.now() - started)
    await new Promise((r) => setTimeout(r, 100))
    socket.write(body.subarray(100))
    await socketClosed
    await idleClosed
    const ms = await closed
    agent.destroy()

    expect(answer).toMatch(/^HTTP\/1\.1 201 /)
    expect(answer.toLowerCase()).toContain('connection: close')
    expect(ms).toBeLessThan(2000)
    // The app is closed: read the row straight from its (still existing) database.
    const { connect: open } = await import('../../server/src/db/connect')
    const handle = open({ dataDir: t.config.dataDir, databaseUrl: t.config.databaseUrl })
    try {
      expect((await handle.db.selectFrom('registrations').select('id').where('id', '=', id).execute()).length).toBe(1)
    } finally {
      await handle.db.destroy()
    }
  })
})

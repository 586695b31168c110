/**
 * A drained close (`app.close()`, which main.ts calls on SIGTERM/SIGINT): the listener stops accepting, every
 * request already received is answered, and every connection is closed after its answer. Node's
 * server.close() ends only the connections idle at that moment; a keep-alive connection busy then (a phone's)
 * went idle afterwards and stayed open until its keep-alive timeout, so the process did not exit for a
 * minute. Here each answer given while closing says `Connection: close`, and connections that fall idle
 * anyway are swept every 200 ms until the server is closed.
 */
import fp from 'fastify-plugin'

export default fp(
  async (app) => {
    let closing = false
    let sweep: ReturnType<typeof setInterval> | undefined
    app.addHook('preClose', (done) => {
      closing = true
      sweep = setInterval(() => app.server.closeIdleConnections?.(), 200)
      done()
    })
    app.addHook('onSend', async (_req, reply, payload) => {
      if (closing) reply.header('connection', 'close')
      return payload
    })
    app.addHook('onClose', async () => clearInterval(sweep))
  },
  { name: 'drain' },
)

/**
 * jsdom, plus the Node globals the real server needs when a page test runs it in-process (app.inject):
 * jsdom's window lacks TextEncoder, structuredClone, WebCrypto and setImmediate, which fastify, jose and
 * the database drivers use. Pages still see a browser; the server sees enough of Node.
 */
const { TestEnvironment } = require('jest-environment-jsdom')
const { webcrypto } = require('node:crypto')
const util = require('node:util')

class JsdomWithServer extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    const g = this.global
    Object.assign(g, {
      TextEncoder: util.TextEncoder,
      TextDecoder: util.TextDecoder,
      structuredClone,
      setImmediate,
      clearImmediate,
    })
    Object.defineProperty(g, 'crypto', { value: webcrypto, configurable: true })
  }
}

module.exports = JsdomWithServer

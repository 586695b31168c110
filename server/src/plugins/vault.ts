/** Encryption and lookup hashes as `app.vault`. */
import fp from 'fastify-plugin'
import { createVault, type Vault } from '../vault'

declare module 'fastify' {
  interface FastifyInstance {
    vault: Vault
  }
}

export default fp<{ dataKey: Buffer; indexKey: Buffer }>(async (app, opts) => {
  app.decorate('vault', createVault(opts.dataKey, opts.indexKey))
}, { name: 'vault' })

/** Encryption and lookup hashes as `app.vault` (several keys of each kind during a rotation, the first current). */
import fp from 'fastify-plugin'
import { createVault, type Vault } from '../vault'

declare module 'fastify' {
  interface FastifyInstance {
    vault: Vault
  }
}

export default fp<{ dataKeys: Buffer[]; indexKeys: Buffer[] }>(
  async (app, opts) => {
    app.decorate('vault', createVault(opts.dataKeys, opts.indexKeys))
  },
  { name: 'vault' },
)

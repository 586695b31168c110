/** The region index as `app.regions`. */
import fp from 'fastify-plugin'
import type { RegionIndex } from '../../../src/domain/regions'
import { regionIndex } from '../regions'

declare module 'fastify' {
  interface FastifyInstance {
    regions: RegionIndex
  }
}

export default fp(
  async (app) => {
    app.decorate('regions', regionIndex())
  },
  { name: 'regions' },
)

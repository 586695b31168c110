/** The `transfers` block of `GET /stats`: accepted moves in and out of each village of the region, and those waiting. */
import type { FastifyInstance } from 'fastify'
import type { TransferStats } from '../../../src/domain/api'
import { num } from '../db/connect'
import { transferCounts } from '../db/transfers'
import type { RegionRange } from '../scope'

export async function transferStats(app: FastifyInstance, range: RegionRange): Promise<TransferStats> {
  const { into, out, waiting } = await transferCounts(app.db, range)
  const villages = new Map<string, TransferStats['byVillage'][number]>()
  const at = (code: string) => {
    let v = villages.get(code)
    if (!v) villages.set(code, (v = { code, name: app.regions.name(code) ?? code, in: 0, out: 0, pendingIn: 0 }))
    return v
  }
  for (const r of into) at(r.village).in += num(r.n)
  for (const r of out) at(r.village).out += num(r.n)
  for (const r of waiting) at(r.village).pendingIn += num(r.n)
  const byVillage = [...villages.values()].sort((a, b) => a.code.localeCompare(b.code))
  const sum = (k: 'in' | 'out' | 'pendingIn') => byVillage.reduce((n, v) => n + v[k], 0)
  return { in: sum('in'), out: sum('out'), pendingIn: sum('pendingIn'), byVillage }
}

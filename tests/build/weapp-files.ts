/**
 * The weapp build output as WeChat packs it, for the tests: the logic lives in scripts/lib/weapp-package.mjs
 * (shared with `npm run check:size`); here every function defaults to this project's dist/weapp.
 */
import { join } from 'node:path'
import * as weappPackage from '../../scripts/lib/weapp-package.mjs'

export const WEAPP_DIST = join(__dirname, '..', '..', 'dist', 'weapp')

/** Fails (never skips) when there is no build, so a missing build cannot make a check pass. */
export const assertWeappBuild = (distDir: string = WEAPP_DIST) => weappPackage.assertWeappBuild(distDir)
/** Subpackage roots from app.json (both spellings WeChat accepts), without leading or trailing slashes. */
export const subpackageRoots = (distDir: string = WEAPP_DIST) => weappPackage.subpackageRoots(distDir)
/** Every file of the build, relative to distDir with forward slashes, sorted. */
export const allFiles = (distDir: string = WEAPP_DIST) => weappPackage.allFiles(distDir)
/** Files of the main package: not under any subpackage root. */
export const mainPackageFiles = (distDir: string = WEAPP_DIST) => weappPackage.mainPackageFiles(distDir)

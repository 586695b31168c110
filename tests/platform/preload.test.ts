/**
 * The H5 reading of app.config's preloadRule: which of Taro's H5 routes a page preloads (each named
 * subpackage's first page, nothing for a page without a rule), each at most once per app start, and a
 * failed download forgotten so that a later page may try again. The browser check that the wizard then
 * opens without a download is in tests/e2e/guardian-sync.test.ts.
 */
import { preloadFor, preloadRoutes } from '../../src/platform/preload'

// app.config.ts calls Taro's build-time global; here it only has to return the object it is given.
;(globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c
const appConfig = require('../../src/app.config').default as import('@tarojs/taro').AppConfig

function h5Config(load: (path: string) => Promise<unknown>) {
  const pages = [...appConfig.pages!, ...appConfig.subPackages!.flatMap((sub) => sub.pages.map((p) => `${sub.root}/${p}`))]
  return {
    ...appConfig,
    routes: pages.map((path) => ({ path, load: (context?: unknown, params?: unknown) => [load(path), context, params] })),
  }
}

test("home and 我的登记 preload the wizard (the register package's first page) and nothing else; worker pages nothing", () => {
  const config = h5Config(() => Promise.resolve())
  expect(preloadRoutes(config, 'pages/index/index').map((r) => r.path)).toEqual(['register/wizard/index'])
  expect(preloadRoutes(config, 'pages/mine/index').map((r) => r.path)).toEqual(['register/wizard/index'])
  expect(preloadRoutes(config, 'worker/login/index')).toEqual([])
  expect(preloadRoutes(undefined, 'pages/index/index')).toEqual([])
})

test('each route is loaded once per app start; a failed load may be tried again', async () => {
  const loads: string[] = []
  let fail = true
  const config = h5Config((path) => {
    loads.push(path)
    return fail ? Promise.reject(new Error('offline')) : Promise.resolve()
  })
  preloadFor('pages/index/index', config)
  await new Promise((r) => setTimeout(r, 0))
  fail = false
  preloadFor('pages/mine/index', config)
  preloadFor('pages/index/index', config)
  expect(loads).toEqual(['register/wizard/index', 'register/wizard/index'])
})

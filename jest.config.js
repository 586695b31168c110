// Three projects: pure code (domain, server, scripts) in node; pages, components and stores as the H5 build in jsdom;
// and the compiled weapp build (dist/weapp) run in miniprogram-simulate, which needs jsdom too.
const esmAllow = [
  '.pnpm',
  '@tarojs',
  '@stencil',
  'swiper',
  'ssr-window',
  'dom7',
  'tslib',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'lodash-es',
  'nanoid',
  'style-inject',
  'jose',
  'content-disposition',
  'cookie',
].join('|')

const shared = {
  transform: { '^.+\\.(mjs|cjs|js|jsx|ts|tsx)$': 'babel-jest' },
  // Ignore node_modules unless the innermost package is allow-listed (nested copies such as
  // @fastify/static/node_modules/content-disposition count by their own name).
  transformIgnorePatterns: [`node_modules/(?!(${esmAllow})/)(?!.*node_modules/(${esmAllow})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  // Styles first: '@/components/x/index.scss' must become a style stub, not a path into src.
  moduleNameMapper: {
    '\\.(css|scss|less)$': 'identity-obj-proxy',
    '^@/(.*)$': '<rootDir>/src/$1',
    // The server's PDF code (pdfkit) runs in-process in the jsdom page tests too: fontkit's browser build,
    // which jsdom's export conditions pick, does not read a font from a file. The Node build does.
    '^fontkit$': '<rootDir>/node_modules/fontkit/dist/main.cjs',
  },
}

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/{domain,server,build,scripts,drills,sync}/**/*.test.ts'],
      // The sync tests run the app's stores and services beside the real server, in Node: Taro's storage
      // and events come from a small stand-in.
      moduleNameMapper: { ...shared.moduleNameMapper, '^@tarojs/taro$': '<rootDir>/tests/setup/taro-node.ts' },
    },
    {
      ...shared,
      displayName: 'h5',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/{components,pages,store,services,platform}/**/*.test.{ts,tsx}'],
      setupFiles: ['<rootDir>/tests/setup/h5-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/setup/h5-after-env.ts'],
      moduleNameMapper: {
        ...shared.moduleNameMapper,
        '^@tarojs/taro$': '<rootDir>/tests/setup/taro-shim.ts',
        '^@tarojs/components$': '@tarojs/components/lib/react',
      },
      globals: {
        ENABLE_INNER_HTML: true,
        ENABLE_ADJACENT_HTML: true,
        ENABLE_SIZE_APIS: true,
        ENABLE_TEMPLATE_CONTENT: true,
        ENABLE_MUTATION_OBSERVER: true,
        ENABLE_CLONE_NODE: true,
        ENABLE_CONTAINS: true,
        DEPRECATED_ADAPTER_COMPONENT: false,
        __TARO_FRAMEWORK__: 'react',
      },
    },
    {
      // Headless Chromium against the H5 build served by the real server (tests/e2e/harness.ts). Slow, and
      // each test owns a server and a browser: run it on its own with --runInBand (scripts/test.sh).
      ...shared,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
    },
    {
      // Loads the real dist/weapp JS and WXML, not sources: no Taro H5 mappings, and dist/ must not go through babel.
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
      // .js and the allow-listed ESM packages too: tests/weapp/worker.test.ts runs the server in-process.
      transform: { '^.+\\.(ts|tsx|mjs|js)$': 'babel-jest' },
      transformIgnorePatterns: [...shared.transformIgnorePatterns, '<rootDir>/dist/'],
      moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
    },
  ],
}

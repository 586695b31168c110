import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

// weapp and h5 builds write to separate folders so that both can exist side by side:
// the server serves dist/h5, WeChat devtools opens dist/weapp (see project.config.json).
const outputRoot = `dist/${process.env.TARO_ENV || 'weapp'}`

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'hutong',
    date: '2026-11-28',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    // Lets <PageMeta pageFontSize="system"> reach WeChat (Taro's template lacks the attribute).
    // H5: index.html preloads the home page's chunk (the router would otherwise ask for it only after the app ran).
    // The build's warnings kept in dist/build-warnings/ for tests/build/build-warnings.test.ts.
    // The WeChat components' aria-* attributes (读屏) reach the templates: weapp-aria.js.
    plugins: [
      path.resolve(__dirname, 'plugins/page-font-size.js'),
      path.resolve(__dirname, 'plugins/weapp-aria.js'),
      path.resolve(__dirname, 'plugins/build-warnings.js'),
      [path.resolve(__dirname, 'plugins/preload-first-page.js'), { page: 'pages/index/index' }],
    ],
    // Same alias as tsconfig.json and jest.config.js.
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // Chinese text as UTF-8 (3 bytes a character) rather than the mini-program build's default \uXXXX
    // escapes (6 bytes): the app's words are most of what the packages carry beyond Taro and React.
    // WeChat reads its script files as UTF-8; the H5 build escapes nothing anyway.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})

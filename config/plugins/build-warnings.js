/**
 * Keeps the build's warnings where a test can read them: dist/build-warnings/<weapp|h5>.json (outside
 * the uploaded or served folders), one entry per warning webpack reported, written when a build is done.
 * tests/build/build-warnings.test.ts fails on the warnings that must not come back — mini-css-extract-plugin's
 * "Conflicting order", which means the winning CSS rule depends on the page opened first.
 */
const fs = require('node:fs')
const path = require('node:path')

const NAME = 'hutong-build-warnings'

class BuildWarnings {
  constructor(file) {
    this.file = file
  }

  apply(compiler) {
    compiler.hooks.done.tap(NAME, (stats) => {
      const warnings = stats.compilation.warnings.map((w) => String(w.message || w).slice(0, 2000))
      fs.mkdirSync(path.dirname(this.file), { recursive: true })
      fs.writeFileSync(this.file, JSON.stringify({ built: new Date().toISOString(), warnings }, null, 2))
    })
  }
}

module.exports = (ctx) => {
  ctx.modifyWebpackChain(({ chain }) => {
    const type = process.env.TARO_ENV || 'weapp'
    chain.plugin(NAME).use(BuildWarnings, [path.resolve(__dirname, '..', '..', 'dist', 'build-warnings', `${type}.json`)])
  })
}

module.exports.BuildWarnings = BuildWarnings

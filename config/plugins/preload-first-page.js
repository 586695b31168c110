/**
 * H5 only: index.html names the first page's own script and style with <link rel="preload">.
 * Taro's H5 router loads every page, the home page too, with import() once the app's script has run, so a
 * phone would wait for index.html, then the app's scripts, then run them (slowly), and only then ask for
 * the home page's chunk: one more round trip and download in a row. Preloaded, the chunk comes down with
 * the app's scripts; webpack finds it already fetched when the router asks. Other pages are untouched
 * (the wizard is fetched when the home page is idle: src/platform/preload.ts).
 * @see https://developer.mozilla.org/docs/Web/HTML/Attributes/rel/preload
 */
const HtmlWebpackPlugin = require('html-webpack-plugin')

const NAME = 'PreloadFirstPage'

/** Files of the chunk groups that import() `page` (its chunk and the split chunks it shares), minus the start-up ones. */
function pageFiles(compilation, page) {
  const initial = new Set()
  for (const entry of compilation.entrypoints.values()) for (const chunk of entry.chunks) for (const f of chunk.files) initial.add(f)
  const files = new Set()
  const wanted = `/src/${page}.`
  for (const module of compilation.modules) {
    const roots = [module, module.rootModule].filter(Boolean)
    if (!roots.some((m) => typeof m.resource === 'string' && m.resource.replace(/\\/g, '/').includes(wanted))) continue
    for (const chunk of compilation.chunkGraph.getModuleChunksIterable(module))
      for (const group of chunk.groupsIterable) {
        if (group.isInitial()) continue
        for (const c of group.chunks) for (const f of c.files) if (!initial.has(f)) files.add(f)
      }
  }
  return [...files].filter((f) => /\.(js|css)$/.test(f)).sort((a, b) => (a.endsWith('.css') ? -1 : b.endsWith('.css') ? 1 : 0))
}

class PreloadFirstPage {
  constructor(page) {
    this.page = page
  }
  apply(compiler) {
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (data) => {
        const files = pageFiles(compilation, this.page)
        if (files.length === 0) throw new Error(`${NAME}: no chunk found for src/${this.page}`)
        const base = data.publicPath ?? compilation.outputOptions.publicPath ?? '/'
        const links = files.map((f) =>
          HtmlWebpackPlugin.createHtmlTagObject('link', {
            rel: 'preload',
            as: f.endsWith('.css') ? 'style' : 'script',
            href: `${base}${f}`,
          }),
        )
        data.headTags.push(...links)
        return data
      })
    })
  }
}

/** Taro plugin: `plugins: [[require.resolve('./plugins/preload-first-page.js'), { page: 'pages/index/index' }]]`. */
module.exports = (ctx, options) => {
  ctx.modifyWebpackChain(({ chain }) => {
    if (process.env.TARO_ENV !== 'h5') return
    chain.plugin(NAME).use(PreloadFirstPage, [options.page])
  })
}
module.exports.pageFiles = pageFiles

/**
 * Taro 4.2.1's mini-program template for <page-meta> has `root-font-size` but not `page-font-size`, so
 * <PageMeta pageFontSize="system"> is silently dropped. This plugin adds the attribute to the template
 * (build time) and to the runtime's component table (so both number the attributes alike), the same way
 * @tarojs/plugin-inject extends components.
 * @see https://developers.weixin.qq.com/miniprogram/dev/component/page-meta.html
 */
const path = require('node:path')

const COMPONENTS = { PageMeta: { 'page-font-size': "''" } }

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (platform.platformType !== 'mini') return
      platform.template.mergeComponents(ctx, COMPONENTS)
      const runtime = path.resolve(__dirname, 'page-font-size.runtime.js')
      platform.runtimePath = Array.isArray(platform.runtimePath) ? [...platform.runtimePath, runtime] : [platform.runtimePath, runtime]
    },
  })
}

module.exports.COMPONENTS = COMPONENTS

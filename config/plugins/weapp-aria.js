/**
 * WeChat's 读屏 (screen reader) reads `aria-role`, `aria-label` and the state attributes on its components,
 * but Taro 4.2.1's mini-program templates carry none of them: `<View ariaRole="checkbox" ariaLabel="…">`
 * names the control in H5 and is silently dropped in the weapp build. This plugin adds the attributes the
 * app sets to the templates (build time) and to the runtime's component table (so both number them
 * alike), as page-font-size.js does for <page-meta>. tests/weapp/aria.test.ts checks the compiled output.
 * @see https://developers.weixin.qq.com/miniprogram/dev/framework/ability/accessibility.html
 */
const path = require('node:path')

// Only what the app sets: each attribute is one more binding in every view template of base.wxml.
const STATE = { 'aria-role': '', 'aria-label': '', 'aria-checked': '' }
const COMPONENTS = {
  View: STATE,
  Input: { 'aria-label': '' },
  Textarea: { 'aria-label': '' },
}

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (platform.platformType !== 'mini') return
      platform.template.mergeComponents(ctx, COMPONENTS)
      const runtime = path.resolve(__dirname, 'weapp-aria.runtime.js')
      platform.runtimePath = Array.isArray(platform.runtimePath) ? [...platform.runtimePath, runtime] : [platform.runtimePath, runtime]
    },
  })
}

module.exports.COMPONENTS = COMPONENTS

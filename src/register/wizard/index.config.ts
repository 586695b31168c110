export default definePageConfig({
  navigationBarTitleText: '登记孩子信息',
  // <PageMeta> sets the rem base from WeChat's font size and the 长辈模式 switch.
  enablePageMeta: true,
})

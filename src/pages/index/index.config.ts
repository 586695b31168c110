export default definePageConfig({
  navigationBarTitleText: '护童登记',
  // <PageMeta> sets the rem base from WeChat's font size and the 长辈模式 switch.
  enablePageMeta: true,
})

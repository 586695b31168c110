export default definePageConfig({
  navigationBarTitleText: '发现报告',
  enablePageMeta: true,
})

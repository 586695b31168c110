export default definePageConfig({
  navigationBarTitleText: '报告可能有危险的孩子',
  enablePageMeta: true,
})

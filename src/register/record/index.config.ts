export default definePageConfig({
  navigationBarTitleText: '登记详情',
  enablePageMeta: true,
})

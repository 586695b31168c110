export default definePageConfig({
  navigationBarTitleText: '登记已保存',
  enablePageMeta: true,
})

export default definePageConfig({
  navigationBarTitleText: '我的登记',
  // Pull down to ask the server again (usePullToRefresh in the page); a 刷新 button does the same.
  enablePullDownRefresh: true,
  enablePageMeta: true,
})

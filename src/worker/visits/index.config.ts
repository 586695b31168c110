export default definePageConfig({ navigationBarTitleText: '本月待走访', enablePageMeta: true })

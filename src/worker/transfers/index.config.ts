export default definePageConfig({ navigationBarTitleText: '迁入迁出', enablePageMeta: true })

export default definePageConfig({ navigationBarTitleText: '统计与花名册', enablePageMeta: true })

export default definePageConfig({ navigationBarTitleText: '登记列表', enablePageMeta: true })

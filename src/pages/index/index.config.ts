export default definePageConfig({ navigationBarTitleText: '护童登记' })

export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [
    { root: 'worker', pages: ['login/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#fff',
    navigationBarTitleText: '护童登记',
    navigationBarTextStyle: 'black',
  },
})

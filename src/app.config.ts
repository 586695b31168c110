export default defineAppConfig({
  pages: ['pages/index/index', 'pages/mine/index'],
  subPackages: [
    // The guardian's wizard, review and done pages, with the schema code and the region tree: kept out of
    // the main package so that the home page opens fast on a weak network.
    { root: 'register', pages: ['wizard/index', 'done/index', 'record/index'] },
    // Community workers' pages (sign-in, list, one record, overview, 本月待走访, 发现报告, 迁入迁出): loaded only when a worker opens them.
    {
      root: 'worker',
      pages: [
        'login/index',
        'queue/index',
        'entry/index',
        'overview/index',
        'accounts/index',
        'password/index',
        'visits/index',
        'report/index',
        'transfers/index',
      ],
    },
    // 报告可能有危险的孩子: the form and the reporter's receipts, loaded when someone taps the home page's link.
    { root: 'report', pages: ['form/index'] },
  ],
  // Fetch the wizard while the guardian reads the home page, on any network: by the time they tap
  // 开始登记 it is usually there.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['register'] },
    'pages/mine/index': { network: 'all', packages: ['register'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#fff',
    navigationBarTitleText: '护童登记',
    navigationBarTextStyle: 'black',
  },
})

/** The words of the account pages (账号管理, 批量导入, 修改密码) and the record's access list. */
export const ACCOUNTS_TEXT = {
  heading: '账号管理',
  intro: (roles: string) => `您可以管理本辖区内的${roles}账号。每次操作都会记录。`,
  loading: '正在加载账号…',
  empty: '还没有账号。',
  count: (n: number) => `共${n}个账号`,
  filter: '按姓名、手机号或地区查找',
  disabled: '已停用',
  pending: '未改初始密码',
  disable: '停用',
  enable: '启用',
  reset: '重置密码',
  edit: '调整',
  confirmDisable: (name: string) => `停用“${name}”后，这个账号会立即退出，不能再登录。`,
  confirmReset: (name: string) => `重置“${name}”的密码后，这个账号会立即退出，需要用新的初始密码登录。`,
  confirmTitle: '请确认',
  confirmOk: '确定',
  confirmCancel: '取消',
  oneTime: (name: string, password: string) => `“${name}”的初始密码：${password}`,
  oneTimeNote: '初始密码只显示这一次。请当面或电话告知本人，首次登录后须设置新密码。',
  saved: '已保存',
  createHeading: '新建账号',
  name: '姓名',
  phone: '手机号（也是用户名）',
  role: '角色',
  region: '辖区代码',
  regionHint: '村（社区）12位，乡镇（街道）9位，县6位，地市4位',
  create: '创建账号',
  editHeading: (name: string) => `调整“${name}”的角色和辖区`,
  save: '保存',
  cancel: '取消',
  busy: '正在处理…',
} as const

export const IMPORT_TEXT = {
  heading: '批量导入账号',
  intro: '上传 .xlsx 表格，第1行为表头：姓名、手机号、角色，以及辖区代码或乡镇（街道）、村（社区）名称。先预览，确认没有问题再导入。',
  choose: '选择表格文件',
  reading: '正在检查表格…',
  file: (name: string) => `表格：${name}`,
  allGood: (n: number) => `共${n}行，没有发现问题，可以导入。`,
  someBad: (bad: number, n: number) => `共${n}行，其中${bad}行有问题。请在表格中改正后重新选择文件，改好之前不会创建任何账号。`,
  row: (row: number) => `第${row}行`,
  run: (n: number) => `导入${n}个账号`,
  running: '正在导入…',
  done: (n: number) => `已创建${n}个账号。请下载初始密码表，它只能下载一次。`,
  download: '下载初始密码表',
  downloaded: '初始密码表已下载。请妥善保管，发放后销毁。',
  filename: '初始密码.xlsx',
} as const

export const PASSWORD_TEXT = {
  heading: '修改密码',
  firstIntro: '您正在使用初始密码。请先设置自己的新密码，设置后才能使用。',
  intro: '修改后，这个账号在其他手机或电脑上的登录都会退出。',
  current: '当前密码',
  currentFirst: '初始密码',
  next: '新密码',
  nextHint: '至少8位，不要和用户名相同',
  again: '再输入一次新密码',
  mismatch: '两次输入的新密码不一样',
  missing: '请填写当前密码和新密码',
  submit: '确认修改',
  busy: '正在保存…',
  done: '密码已修改',
} as const

export const NAV_TEXT = {
  accounts: '账号管理',
  password: '修改密码',
} as const

export const ACCESS_TEXT = {
  heading: '访问记录',
  intro: '谁在什么时候查看、显示、打印或导出了这条登记。',
  empty: '还没有人查看过这条登记。',
  show: '查看访问记录',
  line: (when: string, who: string, role: string, action: string, detail: string | null) =>
    `${when}　${who || role}（${role}）${action}${detail ? `：${detail}` : ''}`,
} as const

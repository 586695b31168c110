/** Every word of the address picker (its fields' common words are in components/strings.ts). */
export const REGION_TEXT = {
  title: '选择地址',
  province: '广东省',
  levelHints: ['请选择市', '请选择县（市、区）', '请选择乡镇（街道）', '请选择村（社区）'],
  loading: '正在加载村（社区）列表…',
  offline: '村（社区）列表没有加载出来，可能是网络不好。请到信号好的地方再试。',
  retry: '重试',
  empty: '这个乡镇（街道）下没有村（社区）数据，请联系村（居）儿童主任。',
  back: '返回上一级',
  villageUnknown: (code: string) => `（村代码 ${code.slice(9)}）`,
} as const

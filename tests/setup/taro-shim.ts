// Maps `@tarojs/taro` to its H5 implementation, as the H5 build does. The named exports are also put on
// the default export, because `Taro.setStorageSync(...)` style calls read them from there.
import * as h5 from '@tarojs/taro-h5'

const Taro: any = (h5 as any).default ?? {}
for (const [key, value] of Object.entries(h5)) {
  if (key !== 'default' && Taro[key] === undefined) Taro[key] = value
}
export * from '@tarojs/taro-h5'
export default Taro

// `@tarojs/taro` for the sync tests, which run in Node beside the real server app: storage in a Map (a
// missing key reads as '', as on WeChat), and app/network events that tests fire by hand.
type Listener = (arg?: any) => void

const data = new Map<string, string>()
const listeners = { show: new Set<Listener>(), hide: new Set<Listener>(), network: new Set<Listener>() }

const Taro = {
  getStorageSync: (key: string) => data.get(key) ?? '',
  setStorageSync: (key: string, value: string) => void data.set(key, value),
  removeStorageSync: (key: string) => void data.delete(key),
  getStorageInfoSync: () => ({ keys: [...data.keys()], currentSize: 0, limitSize: 10240 }),
  onAppShow: (fn: Listener) => void listeners.show.add(fn),
  offAppShow: (fn: Listener) => void listeners.show.delete(fn),
  onAppHide: (fn: Listener) => void listeners.hide.add(fn),
  offAppHide: (fn: Listener) => void listeners.hide.delete(fn),
  onNetworkStatusChange: (fn: Listener) => void listeners.network.add(fn),
  offNetworkStatusChange: (fn: Listener) => void listeners.network.delete(fn),
  login: async () => ({ code: 'node-test-code' }),
  request: async () => {
    throw new Error('no network in tests: set a transport')
  },
  showToast: () => undefined,
}

/** For tests: the phone's storage and the events. */
export const taroNode = {
  storage: data,
  fire(event: keyof typeof listeners, arg?: unknown) {
    for (const fn of [...listeners[event]]) fn(arg)
  },
}

export default Taro

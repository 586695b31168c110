/**
 * Network and foreground events for the sync layer: the outbox retries at once when the network comes
 * back and when the app returns to the foreground (a mini-program cannot run a background job; these
 * moments and a timer while the app is open are all there is).
 */
import Taro from '@tarojs/taro'

/** Calls `back` whenever the phone reports a connection again. Returns the unsubscribe function. */
export function onNetworkBack(back: () => void): () => void {
  const onChange = (res: { isConnected: boolean }) => {
    if (res?.isConnected) back()
  }
  Taro.onNetworkStatusChange?.(onChange)
  // Browsers rarely implement navigator.connection's change event; 'online' is what they fire.
  const h5 = process.env.TARO_ENV === 'h5' && typeof window !== 'undefined'
  if (h5) window.addEventListener('online', back)
  return () => {
    Taro.offNetworkStatusChange?.(onChange)
    if (h5) window.removeEventListener('online', back)
  }
}

/** Calls `show` each time the app comes to the foreground, `hide` when it leaves it. */
export function onForeground(show: () => void, hide: () => void): () => void {
  Taro.onAppShow?.(show)
  Taro.onAppHide?.(hide)
  return () => {
    Taro.offAppShow?.(show)
    Taro.offAppHide?.(hide)
  }
}

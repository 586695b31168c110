/**
 * Calling a number from a page: WeChat opens its call sheet, a browser follows `tel:` (a phone dials, a
 * computer offers an app or does nothing). A refusal is quiet: the number stays written on the page.
 */
import Taro from '@tarojs/taro'

export function callPhone(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)
}

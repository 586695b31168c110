/**
 * WeChat's subscription dialog (订阅消息): `wx.requestSubscribeMessage` through Taro. WeChat shows it only when
 * called from a tap, so callers call this first thing in a tap handler. Resolves with the template ids the
 * person accepted (none when they declined, closed the dialog, or the platform has no such dialog: H5).
 */
import Taro from '@tarojs/taro'

type Answer = Record<string, string>
/** A page hosting the H5 build may offer the dialog as `wx.requestSubscribeMessage` (the end-to-end tests do). */
type Host = { wx?: { requestSubscribeMessage?: (o: { tmplIds: string[]; success(r: Answer): void; fail(e: unknown): void }) => void } }

function hostDialog(tmplIds: string[]): Promise<Answer> | undefined {
  const ask = (globalThis as Host).wx?.requestSubscribeMessage
  return ask && new Promise((success, fail) => ask({ tmplIds, success, fail }))
}

export async function requestSubscriptions(templateIds: string[]): Promise<string[]> {
  if (templateIds.length === 0) return []
  try {
    const pending =
      process.env.TARO_ENV === 'weapp'
        ? (Taro.requestSubscribeMessage({ tmplIds: templateIds } as never) as unknown as Promise<Answer>)
        : hostDialog(templateIds)
    if (!pending) return []
    const result = await pending
    return templateIds.filter((id) => result?.[id] === 'accept')
  } catch {
    // Declined for good in the settings, or too old a WeChat: the registration goes ahead without messages.
    return []
  }
}

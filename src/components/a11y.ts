/**
 * Attributes for Taro's elements that must never be printed as the word "undefined": Taro's H5 elements
 * set any prop they are given, undefined included (`id="undefined"` on every button without an id,
 * duplicated across the page). Spread these instead of passing a value that may be missing.
 */
export function idProp(id: string | undefined): { id?: string } {
  return id ? { id } : {}
}

/**
 * The name of a text box equal to its visible label: on the element itself for the mini-program's 读屏,
 * and on the real <input> inside Taro's H5 element through nativeProps (the host is not focusable).
 * nativeProps only in H5: in the mini-program it is one more prop, and a fresh object each render is sent
 * again with every commit (a second setData per field, which the weapp smoke test counts).
 */
export function inputName(label: string, extra: Record<string, unknown> = {}) {
  // Not on the H5 host as well: two elements with one name, one of them not a text box.
  return process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': label, ...extra } } : { ariaLabel: label }
}

/**
 * What makes a tappable View reachable by keyboard in H5 (a screen reader's and a keyboard user's way
 * through a page): in the tab order, and Enter or Space taps it, as a native button would. Without a
 * focusable control inside it, Taro's scrolling page container is a region the keyboard cannot scroll
 * (axe: scrollable-region-focusable). The mini-program has no keyboard: nothing there.
 */
export function pressable(onTap: () => void): Record<string, unknown> {
  if (process.env.TARO_ENV !== 'h5') return {}
  return {
    tabIndex: 0,
    onKeyDown: (e: { key?: string; preventDefault(): void }) => {
      if (e.key !== 'Enter' && e.key !== ' ') return
      e.preventDefault()
      onTap()
    },
  }
}

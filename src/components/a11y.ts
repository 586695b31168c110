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
 * H5 only: a tappable View reachable with the keyboard — in the tab order, and Enter or Space acts as a tap
 * (what a native button does). Without a focusable element in it, a page taller than the screen is a
 * scrollable region a keyboard cannot reach (axe: scrollable-region-focusable). Nothing in the mini-program,
 * where these would be props sent with every commit.
 */
export function keyboardTap(onTap: () => void): Record<string, unknown> {
  if (process.env.TARO_ENV !== 'h5') return {}
  return {
    tabIndex: 0,
    onKeyDown: (e: { key?: string; preventDefault?(): void }) => {
      if (e.key !== 'Enter' && e.key !== ' ') return
      e.preventDefault?.()
      onTap()
    },
  }
}

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
 */
export function inputName(label: string, extra: Record<string, unknown> = {}) {
  // Not on the H5 host as well: two elements with one name, one of them not a text box.
  const onElement = process.env.TARO_ENV === 'h5' ? {} : { ariaLabel: label }
  return { ...onElement, nativeProps: { 'aria-label': label, ...extra } }
}

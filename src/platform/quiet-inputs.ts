/**
 * Taro's mini-program runtime writes every keystroke of an <input> back into the view data
 * (FormElement.dispatchEvent sets `this.value`, which costs one setData per keystroke) so that its DOM
 * model follows the keyboard. Our text fields are uncontrolled and commit on blur, so the view never
 * needs that round trip: for inputs marked `data-quiet`, the model is updated without a setData. If the
 * node is serialised again later (its parent re-rendered), it carries the typed text, so nothing typed
 * is ever reset. H5 has no setData, and its inputs are real DOM inputs: nothing to do there.
 */
import { FormElement, TaroElement } from '@tarojs/runtime'

let installed = false

export function installQuietInputs(): void {
  if (installed || process.env.TARO_ENV === 'h5') return
  installed = true
  const original = FormElement.prototype.dispatchEvent
  FormElement.prototype.dispatchEvent = function dispatchEvent(this: FormElement, event: Parameters<typeof original>[0]) {
    if (event?.type === 'input' && event.mpEvent && (this.dataset as Record<string, unknown>)?.quiet) {
      this.props.value = event.mpEvent.detail?.value
      return TaroElement.prototype.dispatchEvent.call(this, event)
    }
    return original.call(this, event)
  }
}

/**
 * Taro's H5 confirmation box (Taro.showModal) is built of plain divs: a screen reader hears neither that a
 * question is open nor which words are its buttons, and a keyboard cannot reach them. After each showModal the
 * box is named: an alert dialog titled by its title (or its text when it has none), described by its text (in a
 * darker grey than Taro's), its words buttons in the tab order that Enter or Space presses, and the focus on the
 * confirming one.
 * WeChat's own modal needs none of this; the mini-program build never calls it.
 */
const BOX = '.taro__modal .taro-modal__content'

export function nameTaroModal(): void {
  const box = document.querySelector<HTMLElement>(BOX)
  if (!box) return
  const title = box.querySelector<HTMLElement>('.taro-modal__title')
  const text = box.querySelector<HTMLElement>('.taro-modal__text')
  box.setAttribute('role', 'alertdialog')
  box.setAttribute('aria-modal', 'true')
  if (title && text) {
    title.id = 'taro-modal-title'
    text.id = 'taro-modal-text'
    box.setAttribute('aria-labelledby', title.textContent ? title.id : text.id)
    box.setAttribute('aria-describedby', text.id)
    // Taro greys the text under a title (#808080 on white, 3.9:1): too faint for the grandparents who read it.
    text.style.color = '#4e5969'
  }
  const buttons = Array.from(box.querySelectorAll<HTMLElement>('.taro-model__btn'))
  for (const button of buttons) {
    button.setAttribute('role', 'button')
    button.tabIndex = 0
    button.onkeydown = (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return
      event.preventDefault()
      button.click()
    }
  }
  box.querySelector<HTMLElement>('.taro-model__confirm')?.focus()
}

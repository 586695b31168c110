/**
 * A tappable row or button. A View (not Taro's Button) so that it carries no platform default styles and
 * its size follows the page's rem base; `aria-role` gives screen readers the button semantics. In H5 it is
 * also reached with Tab and pressed with Enter or Space, as a button is (and a page of buttons only, such
 * as a record's, is then a scrollable region a keyboard can reach: axe's scrollable-region-focusable).
 */
import { Text, View } from '@tarojs/components'
import { idProp } from '../a11y'

export interface ActionButtonProps {
  label: string
  onTap(): void
  kind?: 'primary' | 'plain' | 'danger'
  disabled?: boolean
  id?: string
  className?: string
}

/** H5 only: the mini-program has no keyboard, and every extra prop there is sent with each render. */
function keyboard(disabled: boolean, press: () => void): Record<string, unknown> {
  if (process.env.TARO_ENV !== 'h5') return {}
  return {
    tabIndex: disabled ? -1 : 0,
    onKeyDown: (e: { key: string; preventDefault(): void }) => {
      if (e.key !== 'Enter' && e.key !== ' ') return
      e.preventDefault()
      press()
    },
  }
}

export default function ActionButton({ label, onTap, kind = 'plain', disabled = false, id, className = '' }: ActionButtonProps) {
  const classes = [
    'btn',
    kind === 'primary' ? 'btn--primary' : '',
    kind === 'danger' ? 'btn--danger' : '',
    disabled ? 'btn--disabled' : '',
    className,
  ]
  return (
    <View
      {...idProp(id)}
      className={classes.filter(Boolean).join(' ')}
      ariaRole='button'
      ariaLabel={label}
      aria-disabled={disabled}
      onClick={() => {
        if (!disabled) onTap()
      }}
      {...keyboard(disabled, () => {
        if (!disabled) onTap()
      })}
    >
      <Text>{label}</Text>
    </View>
  )
}

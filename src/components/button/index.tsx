/**
 * A tappable row or button. A View (not Taro's Button) so that it carries no platform default styles and
 * its size follows the page's rem base; `aria-role` gives screen readers the button semantics. In H5 it is
 * also reached with Tab and pressed with Enter or Space, as a button is (and a page of buttons only, such
 * as a record's, is then a scrollable region a keyboard can reach: axe's scrollable-region-focusable).
 */
import { Text, View } from '@tarojs/components'
import { idProp, pressable } from '../a11y'

export interface ActionButtonProps {
  label: string
  /** What a screen reader reads when the label alone does not say which (several 显示 on one page): contains the label. */
  name?: string
  onTap(): void
  kind?: 'primary' | 'plain' | 'danger'
  disabled?: boolean
  id?: string
  className?: string
}

export default function ActionButton({ label, name, onTap, kind = 'plain', disabled = false, id, className = '' }: ActionButtonProps) {
  const classes = [
    'btn',
    kind === 'primary' ? 'btn--primary' : '',
    kind === 'danger' ? 'btn--danger' : '',
    disabled ? 'btn--disabled' : '',
    className,
  ]
  const tap = () => {
    if (!disabled) onTap()
  }
  return (
    <View
      {...idProp(id)}
      {...pressable(tap)}
      className={classes.filter(Boolean).join(' ')}
      ariaRole='button'
      ariaLabel={name ?? label}
      aria-disabled={disabled}
      onClick={tap}
    >
      <Text>{label}</Text>
    </View>
  )
}

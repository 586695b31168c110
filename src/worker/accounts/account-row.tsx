/** One account in the administrator's list: who, where, its state, and what can be done to it. */
import { Text, View } from '@tarojs/components'
import ActionButton from '@/components/button'
import type { AccountView } from '@/domain/api'
import { ACCOUNTS_TEXT } from './strings'

export type RowAction = 'disable' | 'enable' | 'reset' | 'edit'

export default function AccountRow({
  account: a,
  busy,
  onAction,
}: {
  account: AccountView
  busy: boolean
  onAction(action: RowAction): void
}) {
  const key = a.phone ?? a.username
  return (
    <View className={`card accounts__row ${a.disabled ? 'accounts__row--off' : ''}`} id={`account-${key}`}>
      <View className='accounts__who'>
        <Text className='accounts__name'>{a.displayName ?? a.username}</Text>
        <Text className='line muted'>{a.username}</Text>
        <Text className='w-tag'>{a.roleLabel}</Text>
        {a.disabled && <Text className='w-tag w-tag--warn'>{ACCOUNTS_TEXT.disabled}</Text>}
        {!a.disabled && a.mustChangePassword && <Text className='w-tag'>{ACCOUNTS_TEXT.pending}</Text>}
      </View>
      <Text className='line muted'>{a.regionName ?? a.regionCode ?? ''}</Text>
      <View className='accounts__buttons'>
        {a.disabled ? (
          <ActionButton
            className='btn--small'
            id={`account-${key}-enable`}
            label={ACCOUNTS_TEXT.enable}
            disabled={busy}
            onTap={() => onAction('enable')}
          />
        ) : (
          <ActionButton
            className='btn--small'
            kind='danger'
            id={`account-${key}-disable`}
            label={ACCOUNTS_TEXT.disable}
            disabled={busy}
            onTap={() => onAction('disable')}
          />
        )}
        <ActionButton
          className='btn--small'
          id={`account-${key}-reset`}
          label={ACCOUNTS_TEXT.reset}
          disabled={busy}
          onTap={() => onAction('reset')}
        />
        <ActionButton
          className='btn--small'
          id={`account-${key}-edit`}
          label={ACCOUNTS_TEXT.edit}
          disabled={busy}
          onTap={() => onAction('edit')}
        />
      </View>
    </View>
  )
}

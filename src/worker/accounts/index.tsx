/**
 * 账号管理 (docs/accounts.md): the accounts this administrator manages, in their own region — a county
 * administrator the township and village workers of the county, a city or province administrator the
 * administrators below. Create one (its one-time password is shown once), disable, enable, reset the
 * password, change the role or region; import many from a sheet. The server decides and audits each change.
 */
import { Input, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { inputName } from '@/components/a11y'
import type { AccountList, AccountView } from '@/domain/api'
import { ROLE_LABELS } from '@/domain/status'
import { confirm } from '@/platform/system'
import WorkerShell from '../components/worker-shell'
import { errorText, SignedOutError } from '../logic/api'
import { accountsApi } from '../logic/accounts-api'
import { toLogin } from '../logic/nav'
import AccountForm, { type AccountFields } from './account-form'
import AccountRow, { type RowAction } from './account-row'
import ImportCard from './import-card'
import { ACCOUNTS_TEXT } from './strings'
import './index.scss'

const matches = (a: AccountView, q: string) => !q || [a.displayName, a.username, a.phone, a.regionName].some((v) => v?.includes(q))

export default function AccountsPage() {
  const [list, setList] = useState<AccountList>()
  const [filter, setFilter] = useState('')
  const [oneTime, setOneTime] = useState<{ name: string; password: string }>()
  const [editing, setEditing] = useState<AccountView>()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()

  const failed = (error: unknown) => {
    if (error instanceof SignedOutError) return toLogin()
    setProblem(errorText(error))
  }
  const reload = useCallback(() => accountsApi.list().then(setList, failed), [])
  useEffect(() => {
    reload()
  }, [reload])

  const act = async (a: AccountView, action: RowAction) => {
    const name = a.displayName ?? a.username
    if (action === 'edit') return setEditing(a)
    const question =
      action === 'disable' ? ACCOUNTS_TEXT.confirmDisable(name) : action === 'reset' ? ACCOUNTS_TEXT.confirmReset(name) : undefined
    if (question && !(await confirm(ACCOUNTS_TEXT.confirmTitle, question, ACCOUNTS_TEXT.confirmOk, ACCOUNTS_TEXT.confirmCancel))) return
    setBusy(true)
    setProblem(undefined)
    try {
      if (action === 'reset') {
        const { initialPassword } = await accountsApi.resetPassword(a.id)
        setOneTime({ name, password: initialPassword })
      } else await accountsApi[action](a.id)
      await reload()
    } catch (error) {
      failed(error)
    } finally {
      setBusy(false)
    }
  }
  const create = async (fields: AccountFields) => {
    try {
      const { account, initialPassword } = await accountsApi.create(fields)
      setOneTime({ name: account.displayName ?? account.username, password: initialPassword })
      await reload()
      return undefined
    } catch (error) {
      return errorText(error)
    }
  }
  const saveEdit = async (fields: AccountFields) => {
    try {
      await accountsApi.edit(editing!.id, { role: fields.role, regionCode: fields.regionCode })
      setEditing(undefined)
      await reload()
      return undefined
    } catch (error) {
      return errorText(error)
    }
  }

  const shown = list?.items.filter((a) => matches(a, filter)) ?? []
  return (
    <WorkerShell page='accounts'>
      <View className='card' id='accounts-head'>
        <Text className='card__title'>{ACCOUNTS_TEXT.heading}</Text>
        {list && <Text className='line muted'>{ACCOUNTS_TEXT.intro(list.manages.map((r) => ROLE_LABELS[r]).join('、'))}</Text>}
        <Input
          className='field__input'
          id='accounts-filter'
          placeholder={ACCOUNTS_TEXT.filter}
          {...inputName(ACCOUNTS_TEXT.filter)}
          onInput={(e) => setFilter(e.detail.value.trim())}
        />
        {list && (
          <Text className='line' id='accounts-count'>
            {ACCOUNTS_TEXT.count(shown.length)}
          </Text>
        )}
      </View>
      {oneTime && (
        <View className='card w-notice' ariaRole='status' id='one-time-password'>
          <Text className='line accounts__secret'>{ACCOUNTS_TEXT.oneTime(oneTime.name, oneTime.password)}</Text>
          <Text className='line muted'>{ACCOUNTS_TEXT.oneTimeNote}</Text>
        </View>
      )}
      {problem && (
        <View className='field__error' ariaRole='alert' id='accounts-error'>
          <Text>{problem}</Text>
        </View>
      )}
      {editing && list && (
        <AccountForm
          key={editing.id}
          id='account-edit'
          heading={ACCOUNTS_TEXT.editHeading(editing.displayName ?? editing.username)}
          roles={list.manages}
          initial={{ role: editing.role, regionCode: editing.regionCode ?? '' }}
          placementOnly
          submitLabel={ACCOUNTS_TEXT.save}
          onSubmit={saveEdit}
          onCancel={() => setEditing(undefined)}
        />
      )}
      {!list && !problem && <Text className='line muted'>{ACCOUNTS_TEXT.loading}</Text>}
      {list && shown.length === 0 && <Text className='line muted'>{ACCOUNTS_TEXT.empty}</Text>}
      <View id='accounts-list'>
        {shown.map((a) => (
          <AccountRow key={a.id} account={a} busy={busy} onAction={(action) => act(a, action)} />
        ))}
      </View>
      {list && list.manages.length > 0 && (
        <AccountForm
          id='account-new'
          heading={ACCOUNTS_TEXT.createHeading}
          roles={list.manages}
          submitLabel={ACCOUNTS_TEXT.create}
          onSubmit={create}
        />
      )}
      {list && list.manages.length > 0 && <ImportCard onImported={reload} />}
    </WorkerShell>
  )
}

/**
 * 工作人员登录: username and password (accounts are made by an administrator, docs/accounts.md). A worker
 * already signed in goes straight to their start page (a one-time password: 修改密码 first). The password is kept only in a ref while typed, never in
 * state or storage.
 */
import { Input, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import ActionButton from '@/components/button'
import PageShell from '@/features/page-shell'
import { FIELD_TEXT } from '@/components/strings'
import { goHome } from '@/platform/navigation'
import { errorText } from '../logic/api'
import { openStart } from '../logic/nav'
import { sendWaitingNow } from '../logic/review-outbox'
import { currentSession, signIn } from '../logic/session'
import { LOGIN_TEXT } from '../strings'
import '@/components/field/index.scss'
import '../components/common.scss'
import './index.scss'

export default function WorkerLogin() {
  const username = useRef('')
  const password = useRef('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()

  useEffect(() => {
    const session = currentSession()
    if (session) openStart(session.user)
  }, [])

  const submit = async () => {
    if (busy) return
    if (!username.current.trim() || !password.current) {
      setProblem(LOGIN_TEXT.missing)
      return
    }
    setBusy(true)
    setProblem(undefined)
    try {
      const user = await signIn(username.current.trim(), password.current)
      password.current = ''
      // Visits this worker recorded earlier and could not send go now, under their account.
      sendWaitingNow()
      openStart(user)
    } catch (error) {
      setProblem(errorText(error))
      setBusy(false)
    }
  }

  return (
    <PageShell className='worker'>
      <View className='card worker__login' id='worker-login'>
        <Text className='card__title'>{LOGIN_TEXT.heading}</Text>
        <Text className='line muted'>{LOGIN_TEXT.intro}</Text>
        <View className='field' id='login-username'>
          <Text className='field__label'>{LOGIN_TEXT.username}</Text>
          <Input
            className='field__input'
            placeholder={LOGIN_TEXT.usernamePlaceholder}
            maxlength={64}
            onInput={(e) => {
              username.current = e.detail.value
            }}
          />
        </View>
        <View className='field' id='login-password'>
          <Text className='field__label'>{LOGIN_TEXT.password}</Text>
          <Input
            className='field__input'
            password
            placeholder={LOGIN_TEXT.passwordPlaceholder}
            maxlength={256}
            onInput={(e) => {
              password.current = e.detail.value
            }}
            onConfirm={submit}
          />
        </View>
        {problem && (
          <View className='field__error' ariaRole='alert' id='login-error'>
            <Text>{`${FIELD_TEXT.errorMark} ${problem}`}</Text>
          </View>
        )}
        <ActionButton id='login-submit' kind='primary' label={busy ? LOGIN_TEXT.busy : LOGIN_TEXT.submit} disabled={busy} onTap={submit} />
        <Text className='line muted'>{LOGIN_TEXT.guardianHint}</Text>
        <ActionButton label={LOGIN_TEXT.toHome} onTap={goHome} />
      </View>
    </PageShell>
  )
}

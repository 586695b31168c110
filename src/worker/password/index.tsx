/**
 * 修改密码: a worker's own new password — the first thing a worker does after signing in with a one-time
 * password (the server refuses everything else until then), and at any time later. The server hands back a
 * fresh session; every other session of the account ends. Passwords stay in refs, never in state.
 */
import { Input, Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { inputName } from '@/components/a11y'
import ActionButton from '@/components/button'
import { FIELD_TEXT } from '@/components/strings'
import { passwordProblem } from '@/domain/accounts'
import { PASSWORD_TEXT } from '../accounts/strings'
import WorkerShell from '../components/worker-shell'
import { errorText } from '../logic/api'
import { accountsApi } from '../logic/accounts-api'
import { openStart } from '../logic/nav'
import { replaceSession, useSession } from '../logic/session'

function PasswordInput({ id, label, hint, onInput }: { id: string; label: string; hint?: string; onInput(v: string): void }) {
  return (
    <View className='field' id={id}>
      <Text className='field__label'>{label}</Text>
      {hint && <Text className='field__hint'>{hint}</Text>}
      {/* Named by its label, as the sign-in's boxes are: the Text above is not tied to the input. */}
      <Input className='field__input' password maxlength={128} {...inputName(label)} onInput={(e) => onInput(e.detail.value)} />
    </View>
  )
}

export default function PasswordPage() {
  const session = useSession()
  const current = useRef('')
  const next = useRef('')
  const again = useRef('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const first = !!session?.user.mustChangePassword

  const submit = async () => {
    if (busy || !session) return
    const local =
      !current.current || !next.current
        ? PASSWORD_TEXT.missing
        : next.current !== again.current
          ? PASSWORD_TEXT.mismatch
          : passwordProblem(next.current, session.user.username)
    if (local) return setProblem(local)
    setBusy(true)
    setProblem(undefined)
    try {
      const fresh = await accountsApi.changePassword(current.current, next.current)
      current.current = next.current = again.current = ''
      replaceSession(fresh)
      openStart(fresh.user, 'relaunch')
    } catch (error) {
      setProblem(errorText(error))
      setBusy(false)
    }
  }

  return (
    <WorkerShell page='password'>
      <View className='card' id='password-form'>
        <Text className='card__title'>{PASSWORD_TEXT.heading}</Text>
        <Text className='line muted'>{first ? PASSWORD_TEXT.firstIntro : PASSWORD_TEXT.intro}</Text>
        <PasswordInput
          id='password-current'
          label={first ? PASSWORD_TEXT.currentFirst : PASSWORD_TEXT.current}
          onInput={(v) => (current.current = v)}
        />
        <PasswordInput id='password-next' label={PASSWORD_TEXT.next} hint={PASSWORD_TEXT.nextHint} onInput={(v) => (next.current = v)} />
        <PasswordInput id='password-again' label={PASSWORD_TEXT.again} onInput={(v) => (again.current = v)} />
        {problem && (
          <View className='field__error' ariaRole='alert' id='password-error'>
            <Text>{`${FIELD_TEXT.errorMark} ${problem}`}</Text>
          </View>
        )}
        <ActionButton
          id='password-submit'
          kind='primary'
          label={busy ? PASSWORD_TEXT.busy : PASSWORD_TEXT.submit}
          disabled={busy}
          onTap={submit}
        />
      </View>
    </WorkerShell>
  )
}

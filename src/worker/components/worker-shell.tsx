/**
 * Every signed-in worker page: who is signed in, in which role and for which region — always in view, so
 * that a worker never mistakes whose data they are looking at — with the way to the list (not for the
 * city and province levels, who see no single record), 本月待走访 (village workers), the overview (above the village), the accounts
 * (administrators), one's password, and out. Without a valid session the page shows nothing and goes to the
 * login; on a one-time password it goes to 修改密码 first (the server refuses everything else until then).
 */
import { Text, View } from '@tarojs/components'
import { useEffect, type PropsWithChildren } from 'react'
import ActionButton from '@/components/button'
import PageShell from '@/features/page-shell'
import { MANAGES, OVERVIEW_ONLY_ROLES } from '@/domain/accounts'
import { ROLE_LABELS } from '@/domain/status'
import { confirm } from '@/platform/system'
import { NAV_TEXT } from '../accounts/strings'
import { openAccounts, openOverview, openPassword, openQueue, openTransfers, openVisits, toLogin } from '../logic/nav'
import { pendingCount, usePendingReviews } from '../logic/review-outbox'
import { signOut, useSession } from '../logic/session'
import { HEADER_TEXT } from '../strings'
import { TRANSFER_TEXT } from '../transfers/strings'
import { VISITS_TEXT } from '../visits/strings'
import './common.scss'

export type WorkerPage = 'queue' | 'entry' | 'overview' | 'accounts' | 'password' | 'visits' | 'report' | 'transfers'

export default function WorkerShell({ page, children }: PropsWithChildren<{ page: WorkerPage }>) {
  const session = useSession()
  const pendingPassword = !!session?.user.mustChangePassword && page !== 'password'
  useEffect(() => {
    if (!session) toLogin()
    else if (pendingPassword) openPassword('replace')
  }, [session, pendingPassword])
  const waiting = usePendingReviews({ workerId: session?.user.id ?? '-' }).length
  if (!session || pendingPassword) return null
  const { user } = session
  const upper = user.role !== 'village_worker'
  const records = !OVERVIEW_ONLY_ROLES.includes(user.role)
  const admin = MANAGES[user.role].length > 0
  const leave = async () => {
    // Visits not yet sent go only under this account: say so before the worker leaves it.
    const n = pendingCount(user.id)
    if (
      n > 0 &&
      !(await confirm(HEADER_TEXT.signOutTitle, HEADER_TEXT.signOutPending(n), HEADER_TEXT.signOutConfirm, HEADER_TEXT.signOutCancel))
    )
      return
    signOut()
    toLogin()
  }
  return (
    <PageShell className='worker'>
      <View className='worker__bar' id='worker-bar'>
        <View className='worker__who'>
          <Text className='worker__role' id='worker-role'>
            {ROLE_LABELS[user.role]}
          </Text>
          <Text className='worker__name'>{HEADER_TEXT.signedInAs(user.displayName ?? user.username ?? '')}</Text>
          <Text className='worker__region' id='worker-region'>
            {user.regionName ? HEADER_TEXT.region(user.regionName) : HEADER_TEXT.noRegion}
          </Text>
        </View>
        <View className='worker__nav'>
          {records && page !== 'queue' && <ActionButton id='nav-queue' label={HEADER_TEXT.queue} onTap={() => openQueue('relaunch')} />}
          {user.role === 'village_worker' && page !== 'visits' && (
            <ActionButton id='nav-visits' label={VISITS_TEXT.nav} onTap={openVisits} />
          )}
          {records && page !== 'transfers' && <ActionButton id='nav-transfers' label={TRANSFER_TEXT.nav} onTap={openTransfers} />}
          {upper && page !== 'overview' && <ActionButton id='nav-overview' label={HEADER_TEXT.overview} onTap={openOverview} />}
          {admin && page !== 'accounts' && <ActionButton id='nav-accounts' label={NAV_TEXT.accounts} onTap={openAccounts} />}
          {page !== 'password' && <ActionButton id='nav-password' label={NAV_TEXT.password} onTap={() => openPassword()} />}
          <ActionButton id='sign-out' kind='danger' label={HEADER_TEXT.signOut} onTap={leave} />
        </View>
      </View>
      {waiting > 0 && (
        <View className='w-notice w-notice--warn' id='worker-waiting'>
          <Text>{HEADER_TEXT.pendingVisits(waiting)}</Text>
        </View>
      )}
      <View className='worker__main'>{children}</View>
    </PageShell>
  )
}

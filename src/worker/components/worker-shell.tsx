/**
 * Every signed-in worker page: who is signed in, in which role and for which region — always in view, so
 * that a worker never mistakes whose data they are looking at — with the way to the list, the overview
 * (township and county) and out. Without a valid session the page shows nothing and goes to the login.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, type PropsWithChildren } from 'react'
import ActionButton from '@/components/button'
import PageShell from '@/features/page-shell'
import { ROLE_LABELS } from '@/domain/status'
import { confirm } from '@/platform/system'
import { openOverview, openQueue, toLogin } from '../logic/nav'
import { pendingCount, usePendingReviews } from '../logic/review-outbox'
import { signOut, useSession } from '../logic/session'
import { HEADER_TEXT } from '../strings'
import './common.scss'

export type WorkerPage = 'queue' | 'entry' | 'overview'

export default function WorkerShell({ page, children }: PropsWithChildren<{ page: WorkerPage }>) {
  const session = useSession()
  useEffect(() => {
    if (!session) toLogin()
  }, [session])
  const waiting = usePendingReviews({ workerId: session?.user.id ?? '-' }).length
  if (!session) return null
  const { user } = session
  const upper = user.role !== 'village_worker'
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
          {page !== 'queue' && <ActionButton id='nav-queue' label={HEADER_TEXT.queue} onTap={() => openQueue('relaunch')} />}
          {upper && page !== 'overview' && <ActionButton id='nav-overview' label={HEADER_TEXT.overview} onTap={openOverview} />}
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

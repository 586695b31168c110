/**
 * Every signed-in worker page: who is signed in, in which role and for which region — always in view, so
 * that a worker never mistakes whose data they are looking at — with the way to the list, the overview
 * (township and county) and out. Without a valid session the page shows nothing and goes to the login.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, type PropsWithChildren } from 'react'
import ActionButton from '@/components/button'
import PageShell from '@/components/page-shell'
import { ROLE_LABELS } from '@/domain/status'
import { openOverview, openQueue, toLogin } from '../logic/nav'
import { signOut, useSession } from '../logic/session'
import { HEADER_TEXT } from '../strings'
import '../worker.scss'

export type WorkerPage = 'queue' | 'entry' | 'overview'

export default function WorkerShell({ page, children }: PropsWithChildren<{ page: WorkerPage }>) {
  const session = useSession()
  useEffect(() => {
    if (!session) toLogin()
  }, [session])
  if (!session) return null
  const { user } = session
  const upper = user.role !== 'village_worker'
  return (
    <PageShell className='worker'>
      <View className='worker__bar' id='worker-bar'>
        <View className='worker__who'>
          <Text className='worker__role' id='worker-role'>{ROLE_LABELS[user.role]}</Text>
          <Text className='worker__name'>{HEADER_TEXT.signedInAs(user.displayName ?? user.username ?? '')}</Text>
          <Text className='worker__region' id='worker-region'>
            {user.regionName ? HEADER_TEXT.region(user.regionName) : HEADER_TEXT.noRegion}
          </Text>
        </View>
        <View className='worker__nav'>
          {page !== 'queue' && <ActionButton id='nav-queue' label={HEADER_TEXT.queue} onTap={() => openQueue('relaunch')} />}
          {upper && page !== 'overview' && <ActionButton id='nav-overview' label={HEADER_TEXT.overview} onTap={openOverview} />}
          <ActionButton id='sign-out' kind='danger' label={HEADER_TEXT.signOut} onTap={() => { signOut(); toLogin() }} />
        </View>
      </View>
      <View className='worker__main'>{children}</View>
    </PageShell>
  )
}

/**
 * One registration (`?id=`): where it stands, what the reviewer or the server said and which fields to
 * fix (去修改 opens the wizard with them marked), a conflict's two versions and the guardian's choice,
 * and the history from the server.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '@/components/button'
// The page's frame and its styles first: the badge's styles come after them in every package.
import PageShell from '@/features/page-shell'
import SyncBadge from '@/components/sync-badge'
import { draftRecordOf } from '@/domain/record'
import { ROLE_LABELS } from '@/domain/status'
import { fixItem } from '@/features/registrations/actions'
import { badgeOf, errorText } from '@/features/registrations/badges'
import { MINE_TEXT } from '@/features/registrations/strings'
import { goHome, openWizard, pageParams } from '@/platform/navigation'
import { labelOfPath } from '@/record/paths'
import { useDrafts } from '@/store/drafts'
import { isRegistration, isSlimRecord, useOutbox, type RegistrationItem } from '@/store/outbox'
import { RECORD_TEXT, WIZARD_TEXT } from '../strings'
import Access from './access'
import Conflict from './conflict'
import History from './history'
import Quarterly from './quarterly'
import '../wizard/index.scss'
import './index.scss'

function FixButton({ item }: { item: RegistrationItem }) {
  const fixing = useDrafts((s) => !!s.drafts[item.id])
  return fixing ? (
    <ActionButton id='record-fix' kind='primary' label={MINE_TEXT.continueFix} onTap={() => openWizard(item.id)} />
  ) : (
    <ActionButton id='record-fix' kind='primary' label={MINE_TEXT.fix} onTap={() => void fixItem(item)} />
  )
}

function Returned({ item }: { item: RegistrationItem }) {
  const returned = item.server?.returned
  const record = isSlimRecord(item.record) ? undefined : draftRecordOf(item.record)
  return (
    <View className='card' id='record-returned'>
      <Text className='card__title'>{RECORD_TEXT.returnedHeading}</Text>
      <Text className='line'>
        {RECORD_TEXT.returnedBy(ROLE_LABELS[returned?.byRole ?? 'village_worker'] ?? ROLE_LABELS.village_worker)}
      </Text>
      {returned?.reason && <Text className='line'>{RECORD_TEXT.reason(returned.reason)}</Text>}
      {(returned?.fields.length ?? 0) > 0 && <Text className='review__subhead'>{RECORD_TEXT.fieldsHeading}</Text>}
      {returned?.fields.map((f) => (
        <Text key={f} className='line'>{`• ${labelOfPath(f, record)}`}</Text>
      ))}
      <FixButton item={item} />
    </View>
  )
}

function Rejected({ item }: { item: RegistrationItem }) {
  const error = item.lastError
  const record = isSlimRecord(item.record) ? undefined : draftRecordOf(item.record)
  return (
    <View className='card' id='record-rejected'>
      <Text className='card__title'>{RECORD_TEXT.rejectedHeading}</Text>
      <Text className='line'>{errorText(error)}</Text>
      {(error?.issues?.length ?? 0) > 0 && <Text className='review__subhead'>{RECORD_TEXT.issuesHeading}</Text>}
      {error?.issues?.map((issue, n) => (
        <Text key={n} className='line'>{`• ${RECORD_TEXT.issue(labelOfPath(issue.path.join('.'), record), issue.message)}`}</Text>
      ))}
      {error?.code !== 'gone' && <FixButton item={item} />}
    </View>
  )
}

export default function RecordPage() {
  const [id] = useState(() => pageParams().id ?? '')
  const stored = useOutbox((s) => s.items[id])
  const item = isRegistration(stored) ? stored : undefined
  if (!item) {
    return (
      <PageShell>
        <View className='card'>
          <Text className='line'>{RECORD_TEXT.missing}</Text>
          <ActionButton label={WIZARD_TEXT.backHome} kind='primary' onTap={goHome} />
        </View>
      </PageShell>
    )
  }
  const returned = item.status === 'synced' && item.server?.status === 'returned'
  return (
    <PageShell>
      <View className='card' id='record-head'>
        <Text className='card__title'>{item.record.child.name}</Text>
        <SyncBadge badge={badgeOf(item)} id='record-badge' />
        {item.slim && <Text className='line muted'>{MINE_TEXT.slimNote}</Text>}
      </View>
      {returned && <Returned item={item} />}
      {item.status === 'rejected' && <Rejected item={item} />}
      {item.status === 'conflict' && <Conflict item={item} />}
      {item.status === 'synced' && <Quarterly item={item} />}
      <History id={item.id} version={item.server?.version} />
      <Access id={item.id} version={item.server?.version} />
    </PageShell>
  )
}

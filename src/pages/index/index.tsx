/**
 * Home: start a registration, continue one (offered once per app start, at the exact step where the
 * guardian stopped), register a brother or sister, 我的登记 at a glance (a sync badge, what needs the
 * guardian, the way to the full list), drafts untouched for 30 days, a storage warning, 长辈模式, and the way
 * to report a child who may be at risk (the report subpackage).
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '@/components/button'
import PageShell, { useElderMode } from '@/features/page-shell'
import { deleteDraft, draftName, siblingDraft } from '@/features/registrations/actions'
import { AbandonedDrafts, StorageWarning } from '@/features/registrations/keep-card'
import { DRAFT_TEXT, savedAt } from '@/features/registrations/strings'
import { openUrl, openWizard, ROUTES } from '@/platform/navigation'
import { usePreloadRule } from '@/platform/preload'
import { systemFontSize } from '@/platform/system'
import { draftsStore, sortedDrafts, useDrafts } from '@/store/drafts'
import { elderModeFor, useSettings } from '@/store/settings'
import MineCard from './mine-card'
import { HOME_TEXT } from './strings'
import '@/components/choice-list/index.scss'
import './index.scss'
import { pressable } from '@/components/a11y'

/** The continue offer is made once per app start (module state lives as long as the app). */
let resumeOffered = false

function ResumeOffer({ open, close, go }: { open: boolean; close(): void; go(id: string): void }) {
  const last = useDrafts((s) => (s.lastId ? s.drafts[s.lastId] : undefined))
  if (!open || !last) return null
  return (
    <View className='card card--alert' id='home-resume' ariaRole='alert'>
      <Text className='card__title'>{HOME_TEXT.resumeHeading}</Text>
      <Text className='line'>{HOME_TEXT.resumeBody(draftName(last), last.step, savedAt(last.updatedAt))}</Text>
      <View className='btn-row'>
        <ActionButton id='home-resume-go' kind='primary' label={HOME_TEXT.resume} onTap={() => go(last.id)} />
        <ActionButton label={HOME_TEXT.later} onTap={close} />
      </View>
    </View>
  )
}

function Drafts({ go }: { go(id: string): void }) {
  const drafts = useDrafts((s) => s.drafts)
  // A correction belongs to its registration: 我的登记 offers 继续修改 for it, so it is not listed again here.
  const list = sortedDrafts(drafts).filter((draft) => !draft.fix)
  if (list.length === 0) return null
  return (
    <View className='card' id='home-drafts'>
      <Text className='card__title'>{HOME_TEXT.draftsHeading}</Text>
      {list.map((draft) => (
        <View key={draft.id} className='list-item' id={`draft-${draft.id}`}>
          <Text className='list-item__name'>{draftName(draft)}</Text>
          <Text className='line'>{HOME_TEXT.draftStep(draft.step)}</Text>
          <Text className='line muted'>{HOME_TEXT.draftSaved(savedAt(draft.updatedAt))}</Text>
          <View className='btn-row'>
            <ActionButton kind='primary' label={HOME_TEXT.continue} onTap={() => go(draft.id)} />
            <ActionButton label={HOME_TEXT.sibling} onTap={() => go(siblingDraft(draft))} />
            <ActionButton kind='danger' label={DRAFT_TEXT.remove} onTap={() => void deleteDraft(draft)} />
          </View>
        </View>
      ))}
      <Text className='muted'>{HOME_TEXT.siblingHint}</Text>
    </View>
  )
}

function ElderSwitch() {
  const on = useSettings((s) => s.elderMode)
  const setElder = useSettings((s) => s.setElderMode)
  const { elder } = useElderMode()
  const bySystem = elder && !on && elderModeFor(false, systemFontSize())
  return (
    <View className='card' id='home-elder'>
      <Text className='card__title'>{HOME_TEXT.elderHeading}</Text>
      <Text className='line muted'>{HOME_TEXT.elderBody}</Text>
      <View
        className={`choice ${on ? 'choice--selected' : ''}`}
        id='elder-switch'
        ariaRole='switch'
        aria-checked={on}
        {...pressable(() => setElder(!on))}
        onClick={() => setElder(!on)}
      >
        <Text className='choice__mark'>{on ? '☑' : '☐'}</Text>
        <Text className='choice__label'>{on ? HOME_TEXT.elderOn : HOME_TEXT.elderOff}</Text>
      </View>
      {bySystem && <Text className='line muted'>{HOME_TEXT.elderBySystem}</Text>}
    </View>
  )
}

export default function Index() {
  // H5: the wizard's script is fetched once home is shown and idle, so that 开始登记 opens it without a
  // download (app.config preloadRule; WeChat does the same for the mini-program).
  usePreloadRule()
  const [offer, setOffer] = useState(!resumeOffered)
  // Any way into the wizard ends the start-up offer (the home page stays mounted under the wizard).
  const close = () => {
    resumeOffered = true
    setOffer(false)
  }
  const go = (id: string) => {
    close()
    openWizard(id)
  }
  return (
    <PageShell>
      <View className='card'>
        <Text className='card__title home__title'>{HOME_TEXT.title}</Text>
        <Text className='line'>{HOME_TEXT.intro}</Text>
        <ActionButton id='home-start' kind='primary' label={HOME_TEXT.start} onTap={() => go(draftsStore.getState().createDraft())} />
      </View>
      <StorageWarning />
      <ResumeOffer open={offer} close={close} go={go} />
      <AbandonedDrafts />
      <MineCard />
      <Drafts go={go} />
      <View className='card' id='home-report'>
        <Text className='card__title'>{HOME_TEXT.reportHeading}</Text>
        <Text className='line'>{HOME_TEXT.reportBody}</Text>
        <ActionButton id='home-report-open' label={HOME_TEXT.report} onTap={() => openUrl(ROUTES.report)} />
      </View>
      <ElderSwitch />
      <View className='home__worker' id='home-worker'>
        <Text className='muted'>{HOME_TEXT.workerIntro}</Text>
        <ActionButton id='home-worker-login' label={HOME_TEXT.workerLogin} onTap={() => openUrl(ROUTES.workerLogin)} />
      </View>
    </PageShell>
  )
}

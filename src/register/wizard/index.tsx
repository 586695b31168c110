/**
 * The registration wizard: one draft (`?id=`), opened at the step the guardian was on. Shows the step
 * bar, the current step's problems, the step itself (only that one) and the moves between steps.
 */
import { CustomWrapper, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import ActionButton from '@/components/button'
import ErrorSummary from '@/components/error-summary'
import { FormContext } from '@/components/form/context'
import PageShell from '@/features/page-shell'
import StepBar from '@/components/step-bar'
import { STEPS, type StepKey } from '@/domain/schema'
import { onBeforeAppHide } from '@/platform/lifecycle'
import { goBack, goHome, pageParams } from '@/platform/navigation'
import { useDrafts } from '@/store/drafts'
import { WIZARD_TEXT } from '../strings'
import FixBanner from './fix-banner'
import ReviewStep from './review-step'
import { ChildStep, FamilyStep, GuardianshipStep, ParentsStep } from './steps'
import { createWizard, WizardContext, type Wizard } from './wizard-state'
import './index.scss'

const STEP_VIEWS: Record<StepKey, () => JSX.Element | null> = {
  child: ChildStep,
  parents: ParentsStep,
  guardianship: GuardianshipStep,
  family: FamilyStep,
  consent: ReviewStep,
}

function Summary({ wizard }: { wizard: Wizard }) {
  const items = useStore(wizard.ui, (s) => s.summary)
  return <ErrorSummary items={items} onPick={wizard.focus} />
}

function Nav({ wizard, step }: { wizard: Wizard; step: StepKey }) {
  const returnToReview = useStore(wizard.ui, (s) => s.returnToReview)
  const first = step === STEPS[0].key
  const last = step === 'consent'
  return (
    <View className='wizard__nav'>
      <View className='btn-row'>
        {!first && <ActionButton id='wizard-prev' label={WIZARD_TEXT.prev} onTap={wizard.back} />}
        {!last && (
          <ActionButton
            id='wizard-next'
            kind='primary'
            label={returnToReview ? WIZARD_TEXT.toReview : WIZARD_TEXT.next}
            onTap={wizard.next}
          />
        )}
      </View>
      <View className='btn-row'>
        <ActionButton
          id='wizard-save-exit'
          label={WIZARD_TEXT.saveExit}
          onTap={() => {
            wizard.save()
            goBack()
          }}
        />
      </View>
      <Text className='muted'>{WIZARD_TEXT.savedNote}</Text>
    </View>
  )
}

export default function WizardPage() {
  const [draftId] = useState(() => pageParams().id ?? '')
  const [wizard] = useState(() => createWizard(draftId))
  const step = useDrafts((s) => s.drafts[draftId]?.step)
  useEffect(() => onBeforeAppHide(wizard.flushPending), [wizard])

  if (!step) {
    return (
      <PageShell>
        <View className='card'>
          <Text className='review__line'>{WIZARD_TEXT.missingDraft}</Text>
          <ActionButton label={WIZARD_TEXT.backHome} kind='primary' onTap={goHome} />
        </View>
      </PageShell>
    )
  }
  const StepView = STEP_VIEWS[step]
  return (
    <PageShell>
      <WizardContext.Provider value={wizard}>
        <FormContext.Provider value={wizard.binding}>
          <StepBar steps={STEPS} current={step} onPick={(key) => wizard.jump(key as StepKey)} />
          <FixBanner />
          <Summary wizard={wizard} />
          <CustomWrapper>
            <View className='card'>
              <StepView key={step} />
            </View>
          </CustomWrapper>
          <Nav wizard={wizard} step={step} />
        </FormContext.Provider>
      </WizardContext.Provider>
    </PageShell>
  )
}

/**
 * 确认提交: the whole record on one page with a 修改 link per step, the categories the rules suggest
 * (worded for a guardian, with the reasons), what is still missing, and the guardian's separate consent.
 * Submitting requires the consent; the record is validated as the server will validate it.
 */
import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import ActionButton from '@/components/button'
import { FIELD_TEXT } from '@/components/strings'
import { CONSENT_CHECKBOX, CONSENT_SECTIONS, CONSENT_TITLE, CONSENT_VERSION } from '@/domain/consent'
import { classify } from '@/domain/eligibility'
import { ANSWER_STEPS, answersForRules, getIn } from '@/domain/record'
import { STEPS, validateStep, type StepKey } from '@/domain/schema'
import { useRegionLabel } from '@/features/region-picker/region-data'
import { submitDraft } from '@/features/registrations/submit'
import { askForStatusMessages } from '@/services/subscriptions'
import { statusTemplates } from '@/services/auth'
import { openDone, openRecord } from '@/platform/navigation'
import { useDrafts } from '@/store/drafts'
import { submitQuarterlyDraft } from '../logic/quarterly-submit'
import { notify, toast } from '@/platform/system'
import ClassificationCard, { type ClassificationWords } from '@/record/classification-card'
import { isAnswer, STEP_FIELDS, visibleFields } from '@/record/form-spec'
import { displayValue } from '@/record/review-format'
import { ANSWER_TEXT } from '@/record/strings'
import { FIX_TEXT, QUARTERLY_TEXT, REVIEW_TEXT } from '../strings'
import { useWholeRecord, useWizard } from './wizard-state'
import { pressable } from '@/components/a11y'

const titleOf = (key: StepKey) => STEPS.find((s) => s.key === key)?.title ?? key

function RegionValue({ code }: { code: string }) {
  return <Text className='review__value'>{useRegionLabel(code)}</Text>
}

/** The categories worded for a guardian: a first hint, decided by the workers. */
const SUGGESTION_WORDS: ClassificationWords = {
  heading: REVIEW_TEXT.suggestHeading,
  none: REVIEW_TEXT.suggestNone,
  intro: REVIEW_TEXT.suggestIntro,
  because: REVIEW_TEXT.because,
  rule: REVIEW_TEXT.rule,
  missingHeading: REVIEW_TEXT.missingHeading,
  notesHeading: REVIEW_TEXT.notesHeading,
  note: REVIEW_TEXT.suggestNote,
}

function Consent({ agreed, onToggle }: { agreed: boolean; onToggle(): void }) {
  return (
    <View className='card' id='review-consent'>
      <Text className='card__title'>{CONSENT_TITLE}</Text>
      {CONSENT_SECTIONS.map((s) => (
        <View key={s.title} className='review__consent-section'>
          <Text className='review__subhead'>{s.title}</Text>
          <Text className='review__line'>{s.body}</Text>
        </View>
      ))}
      <Text className='review__line muted'>{REVIEW_TEXT.consentVersion(CONSENT_VERSION)}</Text>
      <View
        className={`choice ${agreed ? 'choice--selected' : ''}`}
        id='consent-checkbox'
        ariaRole='checkbox'
        aria-checked={agreed}
        {...pressable(onToggle)}
        onClick={onToggle}
      >
        <Text className='choice__mark'>{agreed ? FIELD_TEXT.checkedMark : FIELD_TEXT.uncheckedMark}</Text>
        <Text className='choice__label'>{CONSENT_CHECKBOX}</Text>
      </View>
    </View>
  )
}

export default function ReviewStep() {
  const wizard = useWizard()
  const record = useWholeRecord(wizard.draftId)
  const [agreed, setAgreed] = useState(false)
  // Why the last 同意并提交 did not go through, in words under the button.
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const result = useMemo(() => (record ? classify(answersForRules(record)) : undefined), [record])
  // 动态更新 of a confirmed record: sent to the quarterly endpoint at once, not through the outbox.
  const quarterly = useDrafts((s) => s.drafts[wizard.draftId]?.fix?.source === 'quarterly')
  const incomplete = useMemo(
    () => (record ? ANSWER_STEPS.map((key) => ({ key, n: validateStep(key, { ...record }).length })).filter((s) => s.n > 0) : []),
    [record],
  )
  if (!record || !result) return null

  const submit = () => {
    if (!agreed) {
      toast(REVIEW_TEXT.needConsent)
      setProblem(REVIEW_TEXT.needConsent)
      return
    }
    if (quarterly) {
      setProblem(undefined)
      void submitQuarterlyDraft(wizard.draftId).then((sent) => {
        if (sent.ok) {
          if (sent.moved) void notify(QUARTERLY_TEXT.moved, sent.moved.message)
          else toast(sent.unchanged ? QUARTERLY_TEXT.thanks : QUARTERLY_TEXT.sent)
          openRecord(sent.id, { replace: true })
          return
        }
        const why = sent.issues ? REVIEW_TEXT.submitBlocked : sent.message
        toast(why)
        setProblem(why)
      })
      return
    }
    const outcome = submitDraft(wizard.draftId)
    if (!outcome.ok) {
      const why = outcome.unchanged ? FIX_TEXT.unchanged : REVIEW_TEXT.submitBlocked
      toast(why)
      setProblem(why)
      return
    }
    // Kept on the phone already; now WeChat's dialog for status messages (it needs this tap), then the done page.
    void askForStatusMessages().finally(() => openDone(outcome.id))
  }

  return (
    <View className='review'>
      <Text className='review__line'>{REVIEW_TEXT.intro}</Text>
      {incomplete.length > 0 && (
        <View className='error-summary' id='review-incomplete' ariaRole='alert'>
          <Text className='error-summary__heading'>{REVIEW_TEXT.incompleteHeading}</Text>
          {incomplete.map(({ key, n }) => (
            <View key={key} className='btn-row'>
              <Text className='review__line'>{REVIEW_TEXT.incompleteItem(titleOf(key), n)}</Text>
              <ActionButton label={REVIEW_TEXT.goFix} onTap={() => wizard.goTo(key, { fromReview: true, showIssues: true })} />
            </View>
          ))}
        </View>
      )}
      {ANSWER_STEPS.map((key) => (
        <View key={key} className='card' id={`review-${key}`}>
          <View className='review__head'>
            <Text className='card__title'>{titleOf(key)}</Text>
            <ActionButton label={REVIEW_TEXT.edit} onTap={() => wizard.goTo(key, { fromReview: true })} />
          </View>
          {visibleFields(STEP_FIELDS[key], record).map((spec) => {
            if (spec.kind === 'section')
              return (
                <Text key={spec.id} className='review__subhead'>
                  {spec.label}
                </Text>
              )
            if (!isAnswer(spec)) return null
            return (
              <View key={spec.id} className='review__row'>
                <Text className='review__label'>{spec.label}</Text>
                {spec.kind === 'region' && getIn(record, spec.path) ? (
                  <RegionValue code={getIn(record, spec.path) as string} />
                ) : (
                  <Text className='review__value'>{displayValue(spec, record) ?? ANSWER_TEXT.empty}</Text>
                )}
              </View>
            )
          })}
        </View>
      ))}
      <ClassificationCard id='review-suggestions' result={result} words={SUGGESTION_WORDS} />
      <Consent
        agreed={agreed}
        onToggle={() => {
          setAgreed(!agreed)
          setProblem(undefined)
        }}
      />
      {problem && (
        <View className='field__error' ariaRole='alert'>
          <Text>{`${FIELD_TEXT.errorMark} ${problem}`}</Text>
        </View>
      )}
      {statusTemplates().length > 0 && <Text className='review__line'>{REVIEW_TEXT.messagesHint}</Text>}
      <ActionButton id='submit' label={REVIEW_TEXT.submit} kind='primary' onTap={submit} />
    </View>
  )
}

/**
 * 强制报告/发现报告 (docs/guardian-app.md, "Reporting a child at risk"): the emergency numbers first, then where
 * the child is (down to the village), what worries the reporter, what they saw, who they are and, if they
 * like, a phone number. Checked with the server's schema before it is kept; kept in the outbox before it is
 * sent, so nothing typed is lost on a weak network. Then the outcome, and the reporter's receipts.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
// The page frame's styles before the choice list's, as on every page (docs/worker-app.md, tests/build/build-warnings.test.ts).
import PageShell from '@/features/page-shell'
import ActionButton from '@/components/button'
import ChoiceField from '@/components/choice-list'
import ErrorSummary from '@/components/error-summary'
import { fieldDomId, FormContext, optionsOf } from '@/components/form/context'
import TextField from '@/components/text-input'
import { MAX_SEEN_LENGTH, REPORT_CONCERNS, REPORTER_KINDS, validateReport } from '@/domain/report'
import RegionField from '@/features/region-picker'
import { goHome } from '@/platform/navigation'
import { uuidV4 } from '@/platform/ids'
import { scrollToSelector } from '@/platform/system'
import { createReportForm } from '../logic/form'
import { sendReport, type SendOutcome } from '../logic/send'
import { REPORT_TEXT } from '../strings'
import Emergency from './emergency'
import Receipts from './receipts'
import './index.scss'

function Outcome({ result, again }: { result: SendOutcome; again(): void }) {
  const [heading, body] =
    result.outcome === 'sent'
      ? [REPORT_TEXT.sentHeading, REPORT_TEXT.sentBody(result.receipt?.number ?? '')]
      : result.outcome === 'waiting'
        ? [REPORT_TEXT.waitingHeading, REPORT_TEXT.waitingBody]
        : [REPORT_TEXT.refusedHeading, result.message]
  return (
    <View className={`card ${result.outcome === 'refused' ? 'card--alert' : ''}`} id='report-outcome' ariaRole='status'>
      <Text className='card__title'>{heading}</Text>
      <Text className='line'>{body}</Text>
      <View className='btn-row'>
        <ActionButton id='report-again' label={REPORT_TEXT.another} onTap={again} />
        <ActionButton label={REPORT_TEXT.home} onTap={goHome} />
      </View>
    </View>
  )
}

export default function ReportPage() {
  const [form] = useState(createReportForm)
  const [busy, setBusy] = useState(false)
  const [summary, setSummary] = useState<{ path: string; message: string }[]>([])
  const [result, setResult] = useState<SendOutcome>()
  const [sent, setSent] = useState(0)

  const send = async () => {
    if (busy) return
    const checked = validateReport({ id: uuidV4(), ...form.values() })
    if (!checked.ok) {
      form.setErrors(checked.issues)
      setSummary(checked.issues.map((i) => ({ path: i.path.join('.'), message: i.message })))
      scrollToSelector('#error-summary')
      return
    }
    setSummary([])
    setBusy(true)
    try {
      const outcome = await sendReport(checked.value)
      setResult(outcome)
      if (outcome.outcome !== 'refused') form.reset()
      setSent((n) => n + 1)
      scrollToSelector('#report-outcome')
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <Emergency />
      {result && <Outcome result={result} again={() => setResult(undefined)} />}
      {!result && (
        <FormContext.Provider value={form.binding}>
          <View className='card' id='report-form'>
            <Text className='card__title'>{REPORT_TEXT.title}</Text>
            <Text className='line muted'>{REPORT_TEXT.intro}</Text>
            <ErrorSummary items={summary} onPick={(path) => scrollToSelector(`#${fieldDomId(path)}`)} />
            <RegionField path='villageCode' label={REPORT_TEXT.village} hint={REPORT_TEXT.villageHint} />
            <ChoiceField path='concern' label={REPORT_TEXT.concern} options={optionsOf(REPORT_CONCERNS)} />
            <TextField
              path='seen'
              label={REPORT_TEXT.seen}
              kind='textarea'
              maxlength={MAX_SEEN_LENGTH}
              hint={REPORT_TEXT.seenHint}
              placeholder={REPORT_TEXT.seenPlaceholder}
            />
            <ChoiceField path='reporter' label={REPORT_TEXT.reporter} hint={REPORT_TEXT.reporterHint} options={optionsOf(REPORTER_KINDS)} />
            <TextField path='phone' label={REPORT_TEXT.phone} kind='phone' optional hint={REPORT_TEXT.phoneHint} />
            <ActionButton
              id='report-send'
              kind='primary'
              label={busy ? REPORT_TEXT.sending : REPORT_TEXT.send}
              disabled={busy}
              onTap={() => void send()}
            />
          </View>
        </FormContext.Provider>
      )}
      <Receipts version={sent} />
    </PageShell>
  )
}

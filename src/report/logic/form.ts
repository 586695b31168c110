/**
 * The report form's values behind the shared field components: the subpackages' local form
 * (`src/record/local-form.ts`), with the schema's issues turned into one message per path.
 */
import { createLocalForm } from '@/record/local-form'

export function createReportForm() {
  const form = createLocalForm()
  return {
    ...form,
    setErrors(issues: { path: (string | number)[]; message: string }[]) {
      const errors: Record<string, string> = {}
      for (const i of issues) errors[i.path.join('.')] ??= i.message
      form.setErrors(errors)
    },
    reset: () => form.reset({}),
  }
}

export type ReportForm = ReturnType<typeof createReportForm>

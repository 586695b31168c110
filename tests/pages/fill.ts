/** The fixture registrations, entered through the wizard's UI as a guardian would. */
import { screen, waitFor } from '@testing-library/react'
import { choose, expectStep, hasField, inputOf, next, pickDate, pickOption, pickRegion, tapText, toggle, type } from './harness'

export const MAOPING = ['梅州市', '大埔县', '茶阳镇', '茅坪村委会']
export const DAJUE = ['梅州市', '大埔县', '茶阳镇', '大觉村委会']

export async function fillChild(c: {
  name: string
  id: string
  ethnicity: string
  region: string[]
  address: string
  schooling: string
  boarding: '是' | '否'
  health: string
}) {
  await expectStep(1, '儿童信息')
  await type('child.name', c.name)
  choose('child.hasHukou', '是')
  await type('child.idNumber', c.id)
  // Birth date and sex come from the ID number.
  await waitFor(() => expect(screen.getByText(/身份证号码显示：出生日期/)).toBeTruthy())
  pickOption('child.ethnicity', c.ethnicity)
  choose('child.hukouType', '农村户口')
  await pickRegion('child.hukouRegion', c.region)
  choose('child.residenceRegion', '与户籍地相同')
  await type('child.residenceAddress', c.address)
  choose('child.schooling', c.schooling)
  choose('child.boarding', c.boarding)
  choose('child.health', c.health)
}

export async function fillParent(role: 'father' | 'mother', situation: string, values: Array<[string, string, string]>) {
  choose(`parents.${role}.situation`, situation)
  for (const [key, kind, value] of values) {
    const path = `parents.${role}.${key}`
    expect(hasField(path)).toBe(true)
    if (kind === 'text') await type(path, value)
    else if (kind === 'date') pickDate(path, value)
    else choose(path, value)
  }
}

export async function fillCarer(c: {
  name: string
  id: string
  relation: string
  phone: string
  address: string
  ability: string
  signed: '是' | '否'
}) {
  choose('guardianship.arrangement', '委托他人照料')
  await type('guardianship.carer.name', c.name)
  await type('guardianship.carer.idNumber', c.id)
  pickOption('guardianship.carer.relation', c.relation)
  await type('guardianship.carer.phone', c.phone)
  await type('guardianship.carer.address', c.address)
  choose('guardianship.carer.ability', c.ability)
  choose('guardianship.carer.entrustmentSigned', c.signed)
}

type Grandparent = { status: string; name?: string; birthDate?: string }
const STATUS_LABELS: Record<string, string> = { living: '健在', deceased: '已故', unknown: '不详' }

export async function fillFamily(f: {
  grandparents: Record<string, Grandparent>
  economic: string
  income: string[]
  assistance: string[]
  needs: string[]
  note?: string
}) {
  await expectStep(4, '家庭情况')
  for (const [code, g] of Object.entries(f.grandparents)) {
    const base = `family.grandparents.${code}`
    choose(`${base}.status`, STATUS_LABELS[g.status])
    if (g.name) await type(`${base}.name`, g.name)
    if (g.birthDate) pickDate(`${base}.birthDate`, g.birthDate)
  }
  choose('family.economicStatus', f.economic)
  toggle('family.incomeSources', f.income)
  toggle('family.assistance', f.assistance)
  toggle('family.needs', f.needs)
  if (f.note) await type('family.needsNote', f.note)
}

export { next }

/** "填报人就是…" once the contact inputs are on the page (a person cannot tap faster than they render). */
export async function copyContactFrom(who: '照护人' | '父亲' | '母亲') {
  for (const key of ['name', 'phone']) await inputOf(`guardianship.contact.${key}`)
  tapText(`填报人就是${who}`)
}

/** The four answer steps. Only the current one is mounted, so a step renders only itself. */
import StepFields from './step-fields'

export function ChildStep() {
  return <StepFields step='child' />
}

export function ParentsStep() {
  return <StepFields step='parents' />
}

export function GuardianshipStep() {
  return <StepFields step='guardianship' />
}

export function FamilyStep() {
  return <StepFields step='family' />
}

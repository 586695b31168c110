/** Every word of the home page (drafts kept or deleted: features/registrations/strings.ts). */
import type { StepKey } from '@/domain/schema'

/** The wizard's step titles (the same as the domain's STEPS; a test keeps them equal). Kept here so the
 * home page does not load the schema code into the main package. */
export const STEP_TITLES: Record<StepKey, string> = {
  child: '儿童信息',
  parents: '父母情况',
  guardianship: '监护照料',
  family: '家庭情况',
  consent: '确认提交',
}
const STEP_NUMBERS: Record<StepKey, number> = { child: 1, parents: 2, guardianship: 3, family: 4, consent: 5 }

export const HOME_TEXT = {
  title: '护童登记',
  intro: '为农村留守儿童和困境儿童做信息预登记。分5步填写，随时保存，可以分几次填完。',
  start: '开始登记一个孩子',
  resumeHeading: '上次还没填完',
  resumeBody: (name: string, step: StepKey, at: string) =>
    `${name}的登记填到第${STEP_NUMBERS[step]}步“${STEP_TITLES[step]}”，${at}保存。要接着填吗？`,
  resume: '接着填',
  later: '先不填',
  draftsHeading: '正在填写',
  draftStep: (step: StepKey) => `填到：第${STEP_NUMBERS[step]}步 ${STEP_TITLES[step]}`,
  draftSaved: (at: string) => `上次保存：${at}`,
  continue: '继续填写',
  sibling: '再登记一个孩子',
  siblingHint: '给兄弟姐妹登记：自动带上父母、照料和家庭情况。',
  mineHeading: '我的登记',
  mineEmpty: '还没有提交过登记。',
  mineOpen: (n: number) => `查看我的登记（共${n}份）`,
  elderHeading: '长辈模式',
  elderBody: '字更大，按钮更大，一行只放一项。',
  elderOn: '已开启，点一下关闭',
  elderOff: '已关闭，点一下开启',
  elderBySystem: '微信字体已调大，已自动使用长辈模式。',
  reportHeading: '发现孩子可能有危险？',
  reportBody: '无人照料、疑似受到伤害、流浪乞讨或辍学的孩子，可以告诉村（社区）儿童主任。紧急情况请拨打110。',
  report: '报告可能有危险的孩子',
  workerIntro: '村（居）儿童主任、乡镇（街道）儿童督导员和民政工作人员：',
  workerLogin: '工作人员登录',
} as const

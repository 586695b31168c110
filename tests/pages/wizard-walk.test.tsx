/**
 * The whole wizard, walked through its UI for the fixture cases: the record that lands in the outbox
 * equals the fixture (apart from the moment of consent), and the draft is gone.
 */
import { screen, waitFor } from '@testing-library/react'
import leftBehind from '../fixtures/registrations/left-behind.json'
import deFacto from '../fixtures/registrations/de-facto-unsupported.json'
import disability from '../fixtures/registrations/disability.json'
import { CONSENT_VERSION } from '@/domain/consent'
import { draftsStore } from '@/store/drafts'
import { outboxStore, sortedOutbox } from '@/store/outbox'
import { choose, expectStep, tap, tapText, type } from './harness'
import { DAJUE, MAOPING, copyContactFrom, fillCarer, fillChild, fillFamily, fillParent, next } from './fill'
import { bootApp, wipePhone } from './setup-app'

let app: ReturnType<typeof bootApp>
beforeEach(() => {
  wipePhone()
  app = bootApp()
})
afterEach(() => app.cleanup())

async function start() {
  tapText('开始登记一个孩子')
  await expectStep(1, '儿童信息')
}

async function reviewAndSubmit(expected: any, categories: string[]) {
  await expectStep(5, '确认提交')
  for (const label of categories) expect(screen.getAllByText(new RegExp(label)).length).toBeGreaterThan(0)
  tap(document.getElementById('consent-checkbox') as HTMLElement)
  tapText('同意并提交')
  await screen.findByText('登记已保存')
  const items = sortedOutbox(outboxStore.getState().items) as any[]
  expect(items).toHaveLength(1)
  const { consent, ...rest } = items[0].record
  const { consent: expectedConsent, ...expectedRest } = expected
  expect(rest).toEqual(expectedRest)
  expect(consent).toEqual({
    agreed: true,
    version: CONSENT_VERSION,
    agreedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
  })
  expect(expectedConsent.version).toBe(CONSENT_VERSION)
  expect(items[0].status).toBe('queued')
  expect(draftsStore.getState().drafts).toEqual({})
}

test('left-behind child: both parents away, grandmother cares', async () => {
  await start()
  await fillChild({
    name: '陈小明',
    id: '441422201503081230',
    ethnicity: '汉族',
    region: MAOPING,
    address: '茅坪村上屋12号',
    schooling: '小学',
    boarding: '否',
    health: '健康',
  })
  next()
  await expectStep(2, '父母情况')
  await fillParent('father', '外出务工', [
    ['name', 'text', '陈国强'],
    ['idNumber', 'text', '441422198507200319'],
    ['phone', 'text', '13800138001'],
    ['workPlace', 'text', '广东省深圳市'],
    ['since', 'date', '2021-02'],
  ])
  await fillParent('mother', '外出务工', [
    ['name', 'text', '李秀英'],
    ['idNumber', 'text', '441422198811020427'],
    ['phone', 'text', '13912345678'],
    ['workPlace', 'text', '广东省东莞市'],
    ['since', 'date', '2022-03'],
  ])
  next()
  await expectStep(3, '监护照料')
  await fillCarer({
    name: '陈桂英',
    id: '441422195504100642',
    relation: '祖母',
    phone: '13711112222',
    address: '大埔县茶阳镇茅坪村上屋12号',
    ability: '基本能照顾',
    signed: '是',
  })
  await copyContactFrom('照护人')
  next()
  await fillFamily({
    grandparents: leftBehind.family.grandparents,
    economic: '一般家庭',
    income: ['打工收入', '种养殖业'],
    assistance: [],
    needs: ['教育', '心理'],
  })
  next()
  await reviewAndSubmit(leftBehind, ['农村留守儿童'])
})

test('事实无人抚养: father in prison, mother lost contact and reported to the police', async () => {
  await start()
  await fillChild({
    name: '张小芳',
    id: '441422201209150266',
    ethnicity: '汉族',
    region: DAJUE,
    address: '大觉村下围3号',
    schooling: '初中',
    boarding: '是',
    health: '健康',
  })
  next()
  await expectStep(2, '父母情况')
  await fillParent('father', '服刑在押', [
    ['name', 'text', '张伟'],
    ['idNumber', 'text', '441422198303040114'],
    ['since', 'date', '2023-05-01'],
    ['until', 'date', '2030-04-30'],
  ])
  await fillParent('mother', '失联', [
    ['name', 'text', '王丽'],
    ['idNumber', 'text', '441422198706120282'],
    ['since', 'date', '2023-10-01'],
    ['reportedToPolice', 'choice', '是'],
    ['policeReportDate', 'date', '2024-01-15'],
  ])
  next()
  await expectStep(3, '监护照料')
  await fillCarer({
    name: '张德明',
    id: '441422195609120375',
    relation: '祖父',
    phone: '13622223333',
    address: '大埔县茶阳镇大觉村下围3号',
    ability: '照顾有困难',
    signed: '否',
  })
  await copyContactFrom('照护人')
  next()
  await fillFamily({
    grandparents: deFacto.family.grandparents,
    economic: '最低生活保障对象（低保）',
    income: ['政府救助', '亲朋接济'],
    assistance: ['享受低保'],
    needs: ['生活', '教育', '监护'],
    note: '爷爷年纪大，身体不好，孩子读初中住校，周末回家。',
  })
  next()
  await reviewAndSubmit(deFacto, ['事实无人抚养儿童', '困境儿童'])
})

test('a child with a disability, both parents at home', async () => {
  await start()
  await fillChild({
    name: '刘小军',
    id: '441422201401250152',
    ethnicity: '畲族',
    region: MAOPING,
    address: '茅坪村新屋5号',
    schooling: '小学',
    boarding: '否',
    health: '残疾',
  })
  choose('child.disability.category', '智力残疾')
  choose('child.disability.grade', '二级')
  await type('child.disability.certificateNo', '44142220140125015252')
  next()
  await expectStep(2, '父母情况')
  await fillParent('father', '在家', [
    ['name', 'text', '刘建华'],
    ['idNumber', 'text', '441422198008080535'],
    ['phone', 'text', '13533334444'],
  ])
  await fillParent('mother', '在家', [
    ['name', 'text', '黄美玲'],
    ['idNumber', 'text', '441422198201010627'],
  ])
  next()
  await expectStep(3, '监护照料')
  choose('guardianship.arrangement', '父母共同照料')
  await copyContactFrom('父亲')
  next()
  await fillFamily({
    grandparents: disability.family.grandparents,
    economic: '低保边缘家庭',
    income: ['种养殖业'],
    assistance: ['医疗救助'],
    needs: ['医疗', '教育'],
    note: '需要康复训练，镇上没有特殊教育学校。',
  })
  next()
  await reviewAndSubmit(disability, ['困境儿童'])
  await waitFor(() => expect(screen.getByText(/刘小军的登记已经保存/)).toBeTruthy())
})

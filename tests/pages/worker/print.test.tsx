/** @jest-environment ./tests/setup/jsdom-with-server.js */
/**
 * 打印材料 on a worker's record page: the 一人一表 for every record, the 事实无人抚养 application only where the
 * rules classify the child so; each downloaded with the worker's token from the server (a PDF, audited there).
 */
import { boot, openFromQueue, signInAs, startWorld, tapId, textOf, waitFor, wipe, VILLAGE_A, type World } from './world'

let world: World
let app: ReturnType<typeof boot>
beforeAll(async () => {
  world = await startWorld()
  await world.account('village_worker', VILLAGE_A, 'maoping')
})
afterAll(() => world.close())
beforeEach(() => {
  wipe()
  app = boot()
})
afterEach(() => app.cleanup())

test('a left-behind child: the 一人一表 downloads as a PDF; no application is offered', async () => {
  const id = await world.submit('left-behind')
  await signInAs('maoping')
  await openFromQueue(id)
  await waitFor(() => expect(document.getElementById('print-form')).not.toBeNull())
  expect(document.getElementById('print-application')).toBeNull()
  tapId('print-form')
  await waitFor(() => expect(textOf('print-message')).toContain('已下载'))
  const last = world.downloads[world.downloads.length - 1]
  expect(last.request).toMatchObject({
    path: `/api/v1/registrations/${id}/form.pdf`,
    fileType: 'pdf',
    filename: expect.stringMatching(/^一人一表-陈小明-\d{4}-\d{2}-\d{2}\.pdf$/),
  })
  expect(last.request.header.authorization).toMatch(/^Bearer /)
  expect(last).toMatchObject({ status: 200, type: 'application/pdf' })
  const audits = await world.t.app.db
    .selectFrom('audit_log')
    .select('detail')
    .where('action', '=', 'print')
    .where('target_id', '=', id)
    .execute()
  expect(audits.map((a) => JSON.parse(a.detail!))).toEqual([{ form: 'registration_form', fullIdNumbers: true }])
})

test('a 事实无人抚养 child: the application is offered and downloads too', async () => {
  const id = await world.submit('de-facto-unsupported')
  await signInAs('maoping')
  await openFromQueue(id)
  await waitFor(() => expect(document.getElementById('print-application')).not.toBeNull())
  expect(textOf('entry-print')).toContain('需要携带的证明材料')
  tapId('print-application')
  await waitFor(() => expect(textOf('print-message')).toContain('已下载'))
  expect(world.downloads[world.downloads.length - 1]).toMatchObject({
    request: { path: `/api/v1/registrations/${id}/allowance-application.pdf`, fileType: 'pdf' },
    status: 200,
    type: 'application/pdf',
  })
})

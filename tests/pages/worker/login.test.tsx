/** @jest-environment ./tests/setup/jsdom-with-server.js */
/**
 * 工作人员登录 against the real server: a wrong password answered in Chinese, the role and region always in
 * view once signed in, sign-out forgetting the session (storage included), and an expired token sending the
 * worker back to the login.
 */
import { storage } from '@/platform/storage'
import { SESSION_KEY, sessionStore } from '@/worker/logic/session'
import {
  act,
  boot,
  signInAs,
  startWorld,
  tapId,
  textOf,
  typeIn,
  wipe,
  screen,
  waitFor,
  VILLAGE_A,
  TOWNSHIP,
  PASSWORD,
  type World,
} from './world'

let world: World
let app: ReturnType<typeof boot>
beforeAll(async () => {
  world = await startWorld()
  await world.account('village_worker', VILLAGE_A, 'maoping')
  await world.account('township_supervisor', TOWNSHIP, 'chayang')
})
afterAll(() => world.close())
beforeEach(() => {
  wipe()
  app = boot()
})
afterEach(() => app.cleanup())

test('a wrong password is refused in Chinese; nothing is kept', async () => {
  await typeIn('login-username', 'maoping')
  await typeIn('login-password', 'wrong password')
  tapId('login-submit')
  await waitFor(() => expect(textOf('login-error')).toContain('用户名或密码不正确'))
  expect(storage.getItem(SESSION_KEY)).toBeNull()
})

test('an empty form is not sent', async () => {
  const before = world.net.calls.length
  tapId('login-submit')
  expect(textOf('login-error')).toContain('请填写用户名和密码')
  expect(world.net.calls.slice(before)).toEqual([])
})

test('signed in: the role and the region are on every page; signing out forgets the session', async () => {
  await signInAs('maoping')
  expect(textOf('worker-role')).toBe('村(居)儿童主任')
  expect(textOf('worker-region')).toBe('管辖地区：广东省梅州市大埔县茶阳镇茅坪村委会')
  expect(JSON.parse(storage.getItem(SESSION_KEY) ?? '{}').user.username).toBe('maoping')
  // A village worker has no overview; a township supervisor does.
  expect(document.getElementById('nav-overview')).toBeNull()
  tapId('sign-out')
  await screen.findByText('儿童主任、督导员和民政工作人员登录')
  expect(storage.getItem(SESSION_KEY)).toBeNull()
  expect(app.router.top().path).toBe('/worker/login/index')

  await signInAs('chayang')
  expect(textOf('worker-role')).toBe('乡镇(街道)儿童督导员')
  expect(document.getElementById('nav-overview')).not.toBeNull()
})

test('a session that the server no longer accepts (401) leads back to the login', async () => {
  await signInAs('maoping')
  const session = sessionStore.getState().session!
  act(() => sessionStore.setState({ session: { ...session, token: `${session.token}x` } }))
  tapId('search')
  await screen.findByText('儿童主任、督导员和民政工作人员登录')
  expect(sessionStore.getState().session).toBeUndefined()
})

test('an already signed-in worker skips the login, without signing in again; the password was never stored', async () => {
  await signInAs('maoping')
  storage.flush()
  const stored = Object.keys(localStorage)
    .map((key) => `${key}=${localStorage.getItem(key)}`)
    .join('\n')
  expect(stored).toContain(SESSION_KEY)
  expect(stored).not.toContain(PASSWORD)
  app.cleanup()
  const before = world.net.calls.length
  app = boot()
  await waitFor(() => expect(app.router.top().path).toBe('/worker/queue/index'))
  expect(world.net.calls.slice(before).filter((call) => call.includes('/auth/'))).toEqual([])
})

test('the home page leads workers to the login', async () => {
  app.cleanup()
  app = boot('/pages/index/index')
  tapId('home-worker-login')
  await screen.findByText('儿童主任、督导员和民政工作人员登录')
  expect(app.router.top().path).toBe('/worker/login/index')
})

test('five wrong passwords lock the account: the page says so in Chinese, with the minutes to wait', async () => {
  await world.account('village_worker', VILLAGE_A, 'locked-out')
  await typeIn('login-username', 'locked-out')
  for (let i = 0; i < 4; i++) {
    await typeIn('login-password', `wrong ${i}`)
    tapId('login-submit')
    await waitFor(() => expect(textOf('login-error')).toContain('用户名或密码不正确'))
    if (i >= 2) expect(textOf('login-error')).toContain(`再输错${4 - i}次，账号将锁定15分钟`)
  }
  await typeIn('login-password', 'wrong 4')
  tapId('login-submit')
  await waitFor(() => expect(textOf('login-error')).toContain('密码连续输错5次，账号已暂时锁定，请15分钟后再试'))
  // The right password too, until the lock ends.
  const logins = () => world.net.calls.filter((c) => c.includes('worker-login')).length
  const before = logins()
  await typeIn('login-password', PASSWORD)
  tapId('login-submit')
  await waitFor(() => expect(logins()).toBe(before + 1))
  await waitFor(() => expect(textOf('login-error')).toMatch(/密码连续输错5次，账号已暂时锁定，请1[45]分钟后再试$/))
  expect(storage.getItem(SESSION_KEY)).toBeNull()
})

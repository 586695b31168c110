/**
 * `npm run wechat:fake`: the fake WeChat (./fake.ts) on WECHAT_FAKE_PORT (default 8090), for a local demo
 * of sign-in and status messages beside `npm run server`. It prints the variables to start the server with;
 * the messages it received are at GET /fake/messages and in its output. Never for production.
 */
import { startFakeWechat } from './fake'

async function main() {
  const fake = await startFakeWechat({
    port: Number(process.env.WECHAT_FAKE_PORT ?? 8090),
    appid: 'wxfakedemo',
    secret: 'fake-demo-secret',
  })
  const seen = { n: 0 }
  setInterval(() => {
    for (const m of fake.messages.slice(seen.n)) process.stdout.write(`消息 → ${m.touser} ${m.page} ${JSON.stringify(m.data)}\n`)
    seen.n = fake.messages.length
  }, 500)
  process.stdout.write(
    [
      `假微信已启动：${fake.url}（收到的消息：${fake.url}/fake/messages）`,
      '另开一个终端，这样启动服务端：',
      `  WECHAT_APPID=${fake.appid} WECHAT_SECRET=${fake.secret} WECHAT_API_BASE=${fake.url} WECHAT_TEMPLATE_STATUS=fake-status-template npm run server -- --demo`,
      '',
    ].join('\n'),
  )
  const stop = () => fake.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})

/** The region picker's answers, from the in-memory index of division codes (app.regions). */
import type { FastifyInstance } from 'fastify'
import { notFound } from '../errors'

/** The next level below a code (counties of a city, townships of a county …). */
export function childrenOf(app: FastifyInstance, code: string) {
  const name = app.regions.name(code)
  if (!name) throw notFound('没有这个区划代码')
  return { code, name, fullName: app.regions.fullName(code), items: app.regions.children(code) }
}

/** All villages of a county, by township: the app caches one county at a time. */
export function villagesOf(app: FastifyInstance, code: string) {
  // 东莞 and 中山 have no county level: their placeholder county codes (441900, 442000) work here too.
  const townships = app.regions.villagesOfCounty(code)
  if (Object.keys(townships).length === 0) throw notFound('请给出县（市、区）的区划代码')
  return { code, name: app.regions.name(code), townships }
}

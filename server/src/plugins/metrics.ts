/**
 * `GET /metrics` in Prometheus text format, for an operator's Prometheus — only when HUTONG_METRICS_TOKEN is
 * set, and only to a request carrying `Authorization: Bearer <that token>` (else 401; without the variable
 * the route does not exist: 404). Collected per instance (Prometheus scrapes each one and adds them up):
 * - http_request_duration_seconds{method,route,status_code}: a histogram per route pattern (never the raw
 *   path: ids would make a series per record) — its _count is the request count; unmatched paths are
 *   route="__unknown__" (fastify-metrics over @platformatic/prom-client);
 * - hutong_db_query_duration_seconds{operation,table}: time from a query's compilation to its result, waiting
 *   for a pooled connection included (what the request waited);
 * - the client's default process metrics (CPU, memory, event-loop delay, GC, handles).
 * Each app has its own registry, so tests can build several apps in one process.
 */
import { timingSafeEqual } from 'node:crypto'
import client, { type Histogram, type Registry } from '@platformatic/prom-client'
import fp from 'fastify-plugin'
import fastifyMetrics from 'fastify-metrics'
import { AliasNode, TableNode, type KyselyPlugin, type OperationNode, type RootOperationNode } from 'kysely'
import { HttpError } from '../errors'

declare module 'fastify' {
  interface FastifyInstance {
    /** Where other modules register their own gauges and counters; null when metrics are off. */
    metricsRegistry: Registry | null
  }
}

export interface Metrics {
  registry: Registry
  /** A Kysely plugin that times every query into hutong_db_query_duration_seconds. */
  queryTimer: KyselyPlugin
}

const DB_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/** The operation and main table of a query, as labels (a handful of values each). */
function labelsOf(node: RootOperationNode): { operation: string; table: string } {
  const tableOf = (t: OperationNode | undefined): string => {
    const table = t && AliasNode.is(t) ? t.node : t
    return table && TableNode.is(table) ? table.table.identifier.name : 'other'
  }
  switch (node.kind) {
    case 'SelectQueryNode':
      return { operation: 'select', table: tableOf(node.from?.froms[0]) }
    case 'InsertQueryNode':
      return { operation: 'insert', table: tableOf(node.into) }
    case 'UpdateQueryNode':
      return { operation: 'update', table: tableOf(node.table) }
    case 'DeleteQueryNode':
      return { operation: 'delete', table: tableOf(node.from.froms[0]) }
    default:
      return { operation: 'other', table: 'other' }
  }
}

function queryTimer(histogram: Histogram<'operation' | 'table'>): KyselyPlugin {
  const started = new WeakMap<object, { at: bigint; labels: { operation: string; table: string } }>()
  return {
    transformQuery({ node, queryId }) {
      started.set(queryId, { at: process.hrtime.bigint(), labels: labelsOf(node) })
      return node
    },
    async transformResult({ result, queryId }) {
      const s = started.get(queryId)
      if (s) histogram.observe(s.labels, Number(process.hrtime.bigint() - s.at) / 1e9)
      return result
    },
  }
}

export function createMetrics(): Metrics {
  const registry = new client.Registry()
  const histogram = new client.Histogram({
    name: 'hutong_db_query_duration_seconds',
    help: 'Database query time in seconds, by operation and table',
    labelNames: ['operation', 'table'],
    buckets: DB_BUCKETS,
    registers: [registry],
  })
  return { registry, queryTimer: queryTimer(histogram) }
}

export default fp<{ token?: string; metrics?: Metrics }>(
  async (app, opts) => {
    if (!opts.token || !opts.metrics) {
      app.decorate('metricsRegistry', null)
      return
    }
    const { registry } = opts.metrics
    app.decorate('metricsRegistry', registry)
    await app.register(fastifyMetrics, {
      endpoint: null,
      promClient: client as never,
      // The platformatic client is the same API as @prometheus-io/client, under its own type names.
      defaultMetrics: { enabled: true, register: registry as never },
      routeMetrics: {
        enabled: { histogram: true, summary: false },
        registeredRoutesOnly: false,
        // The summary is created even when off: into this app's registry too, not the process-wide one.
        overrides: { histogram: { buckets: HTTP_BUCKETS, registers: [registry as never] }, summary: { registers: [registry as never] } },
      },
    })
    const expected = Buffer.from(`Bearer ${opts.token}`)
    app.get('/metrics', { logLevel: 'warn', config: { disableMetrics: true } }, async (req, reply) => {
      const given = Buffer.from(req.headers.authorization ?? '')
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HttpError(401, 'unauthorized', '需要监控令牌')
      return reply.type(registry.contentType).send(await registry.metrics())
    })
  },
  { name: 'metrics' },
)

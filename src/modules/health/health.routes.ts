import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../db/database.ts'

/** GET /health: 200 when the database answers, 503 when it does not. */
export function registerHealth(app: FastifyInstance, ctx: { database: DatabaseHandle }) {
  app.get('/health', async (request, reply) => {
    try {
      await Promise.race([
        ctx.database.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database did not answer within 2 s')), 2_000).unref()),
      ])
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: { kind: ctx.database.kind, status: 'up' } })
    } catch (error) {
      request.log.warn({ err: error }, 'database unreachable')
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .send({ status: 'unavailable', database: { kind: ctx.database.kind, status: 'down' } })
    }
  })
}

import type { FastifyInstance } from 'fastify';
import { eventStreamJsonSchema } from '../../../shared/api/event-stream-schema.ts';

/** The machine-readable description of the event stream, beside the OpenAPI document (which cannot describe WebSocket messages). */
export function registerEventSchemaRoute(app: FastifyInstance): void {
  app.get('/api/v1/events/schema.json', { schema: { hide: true } }, async (_request, reply) => reply.type('application/schema+json').send(eventStreamJsonSchema()));
}

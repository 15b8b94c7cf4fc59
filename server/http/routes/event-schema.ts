import type { FastifyInstance } from 'fastify';
import { eventStreamJsonSchema } from '../../../shared/api/event-stream-schema.ts';
import { EVENT_STREAM } from '../openapi.ts';

/** The machine-readable description of the event stream, beside the OpenAPI document (which cannot describe WebSocket messages). */
export function registerEventSchemaRoute(app: FastifyInstance): void {
  app.get(EVENT_STREAM.messageSchema, { config: { public: true }, schema: { hide: true } }, async (_request, reply) => reply.type('application/schema+json').send(eventStreamJsonSchema()));
}

/**
 * The OpenAPI document's frame: info (with licence), relative servers, the bearer scheme, and the
 * hook where the event stream's machine-readable description goes.
 */
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * HOOK: the JSON Schema of one /api/v1/events message (the event envelope), published beside this
 * document. The WebSocket route is not an OpenAPI operation (@fastify/swagger leaves it out), so
 * when this is set the document carries it as `components.schemas.ServiceEvent` and says where the
 * stream is with a top-level `x-event-stream`, so clients generated from the document can type
 * the stream. Null until the envelope's schema is published.
 */
export const EVENT_ENVELOPE_SCHEMA: Record<string, unknown> | null = null;

/** @fastify/swagger's options for the service. */
export function swaggerOptions(): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'DutyDesk ticket service',
        version: '1.0.0',
        description: 'See docs/api.md. Instants are epoch milliseconds. Every route needs `Authorization: Bearer <token>` unless its security is empty.',
        // No licence is granted (a private project): all rights reserved, which that page explains.
        license: { name: 'Proprietary: all rights reserved', url: 'https://choosealicense.com/no-permission/' },
      },
      // Relative: the document describes whichever service serves it.
      servers: [{ url: '/', description: 'the service that serves this document' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => {
      const doc = 'openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject;
      if (EVENT_ENVELOPE_SCHEMA === null) return doc;
      const open = doc as { components?: { schemas?: Record<string, unknown> } };
      return {
        ...doc,
        'x-event-stream': { path: '/api/v1/events', protocol: 'websocket', message: { $ref: '#/components/schemas/ServiceEvent' } },
        components: { ...open.components, schemas: { ...open.components?.schemas, ServiceEvent: EVENT_ENVELOPE_SCHEMA } },
      };
    },
  };
}

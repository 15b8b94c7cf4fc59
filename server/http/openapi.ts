/**
 * The OpenAPI document's frame: info (with licence), relative servers, the bearer scheme, and where
 * the event stream and the JSON Schema of its messages are (`x-event-stream`).
 */
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** Where the event stream is and the JSON Schema of its messages (an OpenAPI 3.0 operation cannot describe WebSocket messages). */
export const EVENT_STREAM = { path: '/api/v1/events', protocol: 'websocket', messageSchema: '/api/v1/events/schema.json' } as const;

/** @fastify/swagger's options for the service. */
export function swaggerOptions(): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'DutyDesk ticket service',
        version: '1.0.0',
        description: 'See docs/api.md. Instants are epoch milliseconds. Every route needs `Authorization: Bearer <token>` unless its security is empty. The WebSocket stream GET /api/v1/events is described by `x-event-stream` and the JSON Schema at /api/v1/events/schema.json.',
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
      return { ...doc, 'x-event-stream': EVENT_STREAM };
    },
  };
}

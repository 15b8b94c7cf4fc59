/**
 * Refusals that happen before a route is found, in the documented `{error, message, field}` shape:
 * a URL that is not valid percent-encoding or has a path segment too long for the router
 * (fastify's frameworkErrors), and requests Node's HTTP parser rejects (fastify's clientErrorHandler).
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorResponse } from '../../shared/api/index.ts';

const badUrl = (message: string): ErrorResponse => ({ error: 'bad_request', message, field: 'url' });

/** fastify's `frameworkErrors`: router refusals answer 400 like any other bad input. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const body =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? badUrl('url: a path segment is longer than this service accepts (ticket numbers are at most 10 digits)')
      : badUrl('url: not a valid URL (bad percent-encoding)');
  void reply.code(400).type('application/json').send(body);
}

/** fastify's `clientErrorHandler`: what Node's parser refuses (oversized headers, malformed requests) gets the documented body. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, body]: [number, ErrorResponse] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, { error: 'bad_request', message: 'the request did not arrive in time' }]
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [400, badUrl('url: the URL and headers are larger than the 16 KiB this service accepts')]
        : [400, { error: 'bad_request', message: 'not a valid HTTP request' }];
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`);
  }
  socket.destroy(error);
}

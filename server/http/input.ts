/**
 * Checks every request's text before any route sees it: a JSON body is an object or array (no
 * top-level `null`), and no string anywhere (body, query, path) holds a NUL character, which
 * PostgreSQL cannot store and SQLite would cut short. One place, so both engines answer alike.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, type DomainError } from '../domain/errors.ts';

/** The path of the first string (or key) in `value` that contains NUL, or null. */
export function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, `${path}.${i}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return path;
      const found = nulPath(item, `${path}.${key}`);
      if (found !== null) return found;
    }
  }
  return null;
}

const nulRefused = (field: string): DomainError => badRequest(field, `${field}: must not contain the NUL character (\\u0000)`);

/** Parses a JSON body: empty means "no options"; `null` and text with NUL are refused with a 400. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('body', 'the body is not valid JSON');
  }
  if (value === null) throw badRequest('body', 'body: send a JSON object, or no body at all; null is not accepted');
  const nul = nulPath(value, 'body');
  if (nul !== null) throw nulRefused(nul);
  return value;
}

/** Installs the JSON parser and the NUL check of query strings and path parameters. */
export function checkInput(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(typeof body === 'string' ? body : body.toString('utf8')));
    } catch (error) {
      done(error as DomainError, undefined);
    }
  });
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const nul = nulPath(request.params, 'params') ?? nulPath(request.query, 'querystring');
    if (nul !== null) throw nulRefused(nul);
  });
}

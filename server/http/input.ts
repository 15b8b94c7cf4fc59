/**
 * Checks every request's text before any route sees it: a JSON body is an object or array (no
 * top-level `null`), and no string anywhere (body, query, path) holds a NUL character, which
 * PostgreSQL cannot store and SQLite would cut short. One place, so both engines answer alike.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, type DomainError } from '../domain/errors.ts';

/** The path of the first string (or key) in `value` that contains NUL, or null. Iterative: a body nested 40,000 deep must not overflow the stack. */
export function nulPath(value: unknown, path: string): string | null {
  const pending: [unknown, string][] = [[value, path]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, at] = next;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return at;
    } else if (typeof item === 'object' && item !== null) {
      const entries = Array.isArray(item) ? [...item.entries()].map(([i, v]) => [String(i), v] as const) : Object.entries(item);
      for (const [key, child] of entries.reverse()) {
        if (key.includes('\u0000')) return at;
        pending.push([child, `${at}.${key}`]);
      }
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

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorResponse } from '../../shared/api/index.ts';
import { assertNever } from '../../shared/assert-never.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { DomainError, type DomainErrorKind } from '../domain/errors.ts';

/** The one place where a refusal becomes an HTTP status. */
export function statusOf(kind: DomainErrorKind): number {
  switch (kind) {
    case 'bad_request':
      return 400;
    case 'unauthorized':
      return 401;
    case 'forbidden':
    case 'password_change_required':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'too_many_requests':
      return 429;
    default:
      return assertNever(kind, 'error kind');
  }
}

interface ValidationIssue {
  readonly instancePath: string;
  readonly message?: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
}

/** The first bad field of a failed schema validation, as `body.subject` and a reason. */
function describeValidation(context: string | undefined, issues: readonly ValidationIssue[]): { field: string; message: string } {
  const issue = issues[0];
  const where = context ?? 'request';
  if (issue === undefined) return { field: where, message: `${where} is invalid` };
  const path = issue.instancePath.split('/').filter((p) => p !== '');
  if (issue.keyword === 'unrecognized_keys') {
    const keys = Array.isArray(issue.params.keys) ? (issue.params.keys as string[]) : [];
    const field = [where, ...path, keys[0] ?? '?'].join('.');
    return { field, message: `${field}: unknown field${keys.length > 1 ? `s ${keys.join(', ')}` : ''}` };
  }
  const field = [where, ...path].join('.');
  const reason = issue.keyword === 'invalid_type' && /received undefined/.test(issue.message ?? '') ? 'is required' : (issue.message ?? 'is invalid');
  return { field, message: `${field}: ${reason}` };
}

/**
 * Writes a 5xx to stderr whatever fastify's logger is set to: an answer of "internal error" must
 * always leave a trace an operator can find (method, path, stack).
 */
export function logServerError(request: FastifyRequest, error: Error, status: number): void {
  const path = request.url.split('?')[0] ?? '';
  console.error(`${new Date().toISOString()} ${status} ${request.method} ${path} (request ${request.id}): ${error.stack ?? String(error)}`);
}

/** Maps every error to the documented body `{error, message, field?}`. */
export function errorHandler(error: FastifyError | DomainError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const send = (status: number, body: ErrorResponse): FastifyReply => reply.code(status).type('application/json').send(body);
  if (error instanceof DomainError) {
    return send(statusOf(error.kind), { error: error.kind, message: error.message, ...(error.field !== undefined ? { field: error.field } : {}) });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const { field, message } = describeValidation(error.validationContext, error.validation as unknown as ValidationIssue[]);
    return send(400, { error: 'bad_request', message, field });
  }
  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
    return send(413, { error: 'payload_too_large', message: `the request body is larger than the ${request.routeOptions.bodyLimit ?? ''} bytes this service accepts`, field: 'body' });
  }
  if (fe.statusCode !== undefined && fe.statusCode >= 400 && fe.statusCode < 500) {
    return send(400, { error: 'bad_request', message: fe.message, field: 'body' });
  }
  // Every 5xx leaves a trace, whether or not fastify's logger is on.
  const unavailable = isDatabaseUnavailable(error);
  logServerError(request, error, unavailable ? 503 : 500);
  if (unavailable) {
    void reply.header('retry-after', '2');
    return send(503, { error: 'unavailable', message: 'the database is unavailable right now (restarting or unreachable); try again in a few seconds' });
  }
  return send(500, { error: 'internal', message: 'internal error; the request changed nothing' });
}

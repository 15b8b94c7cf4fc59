/** Why a request was refused; the HTTP layer maps each kind to one status code (http/errors.ts). */
export type DomainErrorKind = 'bad_request' | 'unauthorized' | 'forbidden' | 'password_change_required' | 'not_found' | 'conflict' | 'too_many_requests';

/** A refusal the caller can act on; the transaction that threw it is rolled back. */
export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly field: string | undefined;
  constructor(kind: DomainErrorKind, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.field = field;
  }
}

/** 400: bad input, naming the field. */
export const badRequest = (field: string, message: string): DomainError => new DomainError('bad_request', message, field);
/** 403: this role or tier may not do this. */
export const forbidden = (message: string): DomainError => new DomainError('forbidden', message);
/** 404: no such thing, or the caller may not see it. */
export const notFound = (message: string): DomainError => new DomainError('not_found', message);
/** 409: the state machine forbids this now. */
export const conflict = (message: string): DomainError => new DomainError('conflict', message);
/** 429: too many attempts; the message says when to try again. */
export const tooManyRequests = (message: string): DomainError => new DomainError('too_many_requests', message);
/** 401: no valid token. */
export const unauthorized = (message: string): DomainError => new DomainError('unauthorized', message);
/** 403: the caller holds a temporary password and must change it first (POST /api/v1/session/password). */
export const passwordChangeRequired = (): DomainError =>
  new DomainError('password_change_required', 'change your temporary password first: POST /api/v1/session/password {current, next}');

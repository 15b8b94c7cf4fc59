import type { ZodError } from 'zod';
import type { ErrorResponse } from '../api/index.ts';

/** A failed call to the ticket service, as the user should hear about it. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ErrorResponse['error'] | 'network';
  readonly field: string | undefined;

  constructor(status: number, code: ApiError['code'], message: string, field?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  /** Plain data, for crossing IPC (an Error's own fields do not survive structured clone). */
  toJSON(): SerializedApiError {
    return { status: this.status, code: this.code, message: this.message, ...(this.field === undefined ? {} : { field: this.field }) };
  }

  /** Bad input, said as the service says it: "field: reason" (a 400). */
  static badRequest(error: ZodError): ApiError {
    const issue = error.issues[0];
    const field = issue?.path.join('.') ?? '';
    const reason = issue?.message ?? 'is invalid';
    return field === '' ? new ApiError(400, 'bad_request', reason) : new ApiError(400, 'bad_request', `${field}: ${reason}`, field);
  }

  /** The inverse of toJSON. */
  static from(data: SerializedApiError): ApiError {
    return new ApiError(data.status, data.code, data.message, data.field);
  }
}

/** An ApiError as plain data. */
export interface SerializedApiError {
  readonly status: number;
  readonly code: ApiError['code'];
  readonly message: string;
  readonly field?: string;
}

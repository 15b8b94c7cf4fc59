import { ApiError } from '../../../shared/client/api-error.ts';

/**
 * Whether a failed call means "the service is not there right now" (no answer, or a proxy saying
 * so), which is worth retrying, rather than an answer from the service such as "signed out".
 */
export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504);
}

/** Capped exponential backoff between attempts to reach the service: 1, 2, 4, 8, 16, 30, 30... s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
}

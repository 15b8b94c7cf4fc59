/** When a failed Bot API call is tried again, and what admins read of it. */
import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { MIN_RETRY_MS, retryPlan, TELEGRAM_BACKOFF } from '../../../../server/telegram/failure.ts';

const TOKEN = '123:secret-token-value-abcdefghij';
const apiError = (code: number, description: string, parameters = {}) => new GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code: code, description, parameters }, 'sendMessage', {});

describe('retryPlan', () => {
  it("429: exactly retry_after seconds, whatever the attempt", () => {
    expect(retryPlan(apiError(429, 'Too Many Requests: retry after 31', { retry_after: 31 }), 9, TELEGRAM_BACKOFF, () => 0.99, TOKEN)).toEqual({ delayMs: 31_000, error: '429: Too Many Requests: retry after 31' });
  });

  it('5xx and other 4xx: capped exponential backoff with full jitter, never sooner than a second', () => {
    expect(retryPlan(apiError(500, 'Internal Server Error'), 0, TELEGRAM_BACKOFF, () => 0.5, TOKEN).delayMs).toBe(2500);
    expect(retryPlan(apiError(400, 'Bad Request: chat not found'), 3, TELEGRAM_BACKOFF, () => 0.5, TOKEN)).toEqual({ delayMs: 20_000, error: '400: Bad Request: chat not found' });
    expect(retryPlan(apiError(403, 'Forbidden: bot was blocked by the user'), 40, TELEGRAM_BACKOFF, () => 0.999_999, TOKEN).delayMs).toBeLessThanOrEqual(TELEGRAM_BACKOFF.capMs);
    expect(retryPlan(apiError(502, 'Bad Gateway'), 0, TELEGRAM_BACKOFF, () => 0, TOKEN).delayMs).toBe(MIN_RETRY_MS);
  });

  it('network errors name their code, never the URL that holds the token', () => {
    const refused = Object.assign(new Error(`request to http://127.0.0.1:1/bot${TOKEN}/sendMessage failed, reason: connect ECONNREFUSED`), { code: 'ECONNREFUSED', type: 'system' });
    const plan = retryPlan(new HttpError("Network request for 'sendMessage' failed!", refused), 0, TELEGRAM_BACKOFF, () => 0.5, TOKEN);
    expect(plan).toEqual({ delayMs: 2500, error: 'network error (ECONNREFUSED)' });
    const other = retryPlan(new HttpError('x', new Error(`odd failure at /bot${TOKEN}/sendMessage`)), 0, TELEGRAM_BACKOFF, () => 0.5, TOKEN);
    expect(other.error).toBe('odd failure at /bot<token>/sendMessage');
  });
});

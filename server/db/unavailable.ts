/** Whether an error means "the database cannot be reached right now" (restarting, down, connection lost), not a fault of ours. */

// PostgreSQL SQLSTATE classes: 08 connection exception, 57P admin/crash shutdown, cannot connect now.
const PG_UNAVAILABLE = /^(08|57P0[1-3])/;
const NODE_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// node-postgres reports a dropped connection with these messages and no code.
const PG_CLIENT_MESSAGES = /Connection terminated|not queryable|Connection ended|timeout exceeded when trying to connect/i;

/** True for connection failures to PostgreSQL, looking through `cause` chains. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (PG_UNAVAILABLE.test(code) || NODE_UNAVAILABLE.has(code))) return true;
    if (PG_CLIENT_MESSAGES.test(e.message)) return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}

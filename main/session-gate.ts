import type { SessionInfo } from '../shared/ipc/contract.ts';

/** What the gate needs of main's connection (main/connection.ts). */
export interface Restorable {
  /** Signs in again with the saved token: the session, null when there is none or the service refused it, or throws when the service cannot be reached. */
  restore(): Promise<SessionInfo | null>;
  session(): SessionInfo | null;
}

/** Answers the renderer's `session:get`. */
export interface SessionGate {
  get(): Promise<SessionInfo | null>;
}

/**
 * The renderer asks for the session until the saved one has been restored: each ask while the
 * service is unreachable tries again (and fails with the network error, so the console says
 * "cannot reach the team server" instead of showing the login screen); once the service has
 * answered, the connection's own session is the answer. Concurrent asks share one attempt.
 */
export function createSessionGate(connection: Restorable): SessionGate {
  let restored = false;
  let attempt: Promise<SessionInfo | null> | null = null;
  return {
    get() {
      if (restored) return Promise.resolve(connection.session());
      attempt ??= connection
        .restore()
        .then((session) => {
          restored = true;
          return session;
        })
        .finally(() => {
          attempt = null;
        });
      return attempt;
    },
  };
}

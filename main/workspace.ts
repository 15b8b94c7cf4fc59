/**
 * The desktop app's two embedded workspaces (docs/administration.md): the demo data, and the
 * team's own database next to it, which starts empty and waits for its first start. Switching
 * remembers the choice and restarts the app, so the embedded service, the connection and the
 * event stream all start afresh on the other database; neither database is touched.
 */
import { ApiError } from '../shared/client/api-error.ts';
import type { Workspace } from '../shared/ipc/contract.ts';
import type { WorkspaceStore } from './settings-store.ts';
import type { TokenStore } from './token-store.ts';

/** What a switch needs from the app around it. */
export interface WorkspaceSwitchDeps {
  /** The workspace the embedded service runs now, or null when the app uses a team server. */
  readonly current: Workspace | null;
  readonly workspaces: WorkspaceStore;
  readonly tokens: Pick<TokenStore, 'clear'>;
  /** Relaunches the app (Electron's app.relaunch() then app.quit()). */
  readonly restart: () => void;
}

/** Switches to `next`: remembered, signed out (a token of one database means nothing in the other), restarted. */
export function switchWorkspace(next: Workspace, deps: WorkspaceSwitchDeps): null {
  if (deps.current === null) throw new ApiError(409, 'conflict', 'this app uses a team server: workspaces belong to the embedded service (Settings: ticket service)');
  if (next === deps.current) return null;
  deps.workspaces.set(next);
  deps.tokens.clear();
  deps.restart();
  return null;
}

/** What loading the console page needs: the load itself, a wait, a log, and what to do on giving up. */
export interface PageLoadDeps {
  readonly load: () => Promise<void>;
  readonly wait: (ms: number) => Promise<void>;
  readonly log: (message: string, error: unknown) => void;
  readonly giveUp: (error: unknown) => void;
  /** Waits between attempts; one attempt more than waits. Default 250 ms, 1 s, 4 s. */
  readonly delaysMs?: readonly number[];
}

/**
 * Loads the console page, retrying a failed load (logged each time) and giving up after the last
 * attempt; resolves true once loaded. A rejection of `loadURL` is never dropped.
 */
export async function loadPage(deps: PageLoadDeps): Promise<boolean> {
  const delays = deps.delaysMs ?? [250, 1000, 4000];
  for (let attempt = 0; ; attempt++) {
    try {
      await deps.load();
      return true;
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined) {
        deps.log(`DutyDesk: the console page failed to load after ${attempt + 1} attempts`, error);
        deps.giveUp(error);
        return false;
      }
      deps.log(`DutyDesk: the console page failed to load (attempt ${attempt + 1}); retrying in ${delay} ms`, error);
      await deps.wait(delay);
    }
  }
}

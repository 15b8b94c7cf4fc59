/** What main does with an error that stops it from starting or running. */
export interface FatalDeps {
  readonly log: (message: string, error: unknown) => void;
  readonly showErrorBox: (title: string, content: string) => void;
  readonly exit: (code: number) => void;
}

/** The dialog's title and text for `error`: what failed, in words, and where to look. */
export function fatalMessage(error: unknown): { title: string; content: string } {
  const reason = error instanceof Error ? error.message : String(error);
  return { title: 'DutyDesk cannot continue', content: `${reason}\n\nThe details are in the log. Start DutyDesk again; if this repeats, tell your administrator.` };
}

/** Logs the error, tells the user in a dialog, and quits with a failure code (never a silent hang). */
export function reportFatal(error: unknown, deps: FatalDeps): void {
  deps.log('DutyDesk: fatal error in the main process', error);
  const { title, content } = fatalMessage(error);
  try {
    deps.showErrorBox(title, content);
  } finally {
    deps.exit(1);
  }
}

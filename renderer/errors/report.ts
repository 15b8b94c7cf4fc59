import type { ErrorInfo } from 'react';

/** Which of React's root hooks saw the error. */
export type RenderErrorKind = 'uncaught' | 'caught' | 'recoverable';

/** Where render errors are written; the console of the page (DevTools, Electron's log). */
export type ErrorSink = (message: string, error: unknown, componentStack: string | undefined) => void;

const toConsole: ErrorSink = (message, error, componentStack) => console.error(message, error, componentStack ?? '');

/** createRoot's error options, each logging the error with where in the tree it happened. */
export function rootErrorOptions(sink: ErrorSink = toConsole) {
  const report = (kind: RenderErrorKind) => (error: unknown, info: Pick<ErrorInfo, 'componentStack'>) =>
    sink(`DutyDesk: ${kind} render error`, error, info.componentStack ?? undefined);
  return { onUncaughtError: report('uncaught'), onCaughtError: report('caught'), onRecoverableError: report('recoverable') };
}

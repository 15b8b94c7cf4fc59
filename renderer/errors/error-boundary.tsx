import { Component, type ReactNode } from 'react';

/** What a boundary shows instead of its children: the error, a way to try again, and a reload. */
export type FallbackRender = (props: { readonly error: Error; readonly reset: () => void }) => ReactNode;

interface Props {
  readonly fallback: FallbackRender;
  /** When any of these change (say, another ticket is opened), a failed region renders afresh. */
  readonly resetKeys?: readonly unknown[];
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
  readonly keys: readonly unknown[] | undefined;
}

/**
 * Keeps a render error inside its region: the rest of the console keeps working. Logging is done
 * once, by the root's onCaughtError (renderer/errors/report.ts).
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, keys: this.props.resetKeys };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    const changed = props.resetKeys !== undefined && state.keys !== undefined && props.resetKeys.some((k, i) => !Object.is(k, state.keys?.[i]));
    return changed ? { error: null, keys: props.resetKeys } : { keys: props.resetKeys };
  }

  private readonly reset = (): void => this.setState({ error: null });

  override render(): ReactNode {
    return this.state.error === null ? this.props.children : this.props.fallback({ error: this.state.error, reset: this.reset });
  }
}

/** Reloads the page: the console starts over (the session and settings are kept by the host). */
export function reloadConsole(): void {
  window.location.reload();
}

import type { InvokeArg, InvokeChannel, InvokeResults, EventChannel, EventPayloads } from './contract.ts';

/**
 * What the renderer talks to: the preload bridge in the desktop app, or the web bridge in a
 * browser. Calls reject with an ApiError; `on` returns its unsubscribe function.
 */
export interface Bridge {
  invoke<C extends InvokeChannel>(channel: C, arg: InvokeArg<C>): Promise<InvokeResults[C]>;
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

import type { Bridge } from '../../shared/ipc/bridge.ts';
import type { EventChannel, EventPayloads, InvokeArg, InvokeChannel, InvokeOutcome } from '../../shared/ipc/contract.ts';
import { ApiError } from '../../shared/client/api-error.ts';

/** The preload API (`window.dutydesk`): one function per invoke channel, plus `on`. */
export type PreloadApi = { readonly [C in InvokeChannel]: (arg: InvokeArg<C>) => Promise<InvokeOutcome<C>> } & {
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

/** Adapts the preload API to the Bridge: `{ok: false}` outcomes become thrown ApiErrors. */
export function createElectronBridge(api: PreloadApi): Bridge {
  return {
    async invoke(channel, arg) {
      const call = api[channel] as (arg: unknown) => Promise<InvokeOutcome<typeof channel>>;
      const outcome = await call(arg);
      if (!outcome.ok) throw ApiError.from(outcome.error);
      return outcome.value;
    },
    on: (channel, listener) => api.on(channel, listener),
  };
}

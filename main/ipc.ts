import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ZodError } from 'zod';
import { ApiError } from '../shared/client/api-error.ts';
import {
  invokeArgs,
  type EventChannel,
  type EventPayloads,
  type InvokeArg,
  type InvokeChannel,
  type InvokeOutcome,
  type InvokeResults,
} from '../shared/ipc/contract.ts';
import { isTrustedFrame } from './app-protocol.ts';

/** One implementation per invoke channel; arguments arrive validated. */
export type InvokeHandlers = { [C in InvokeChannel]: (arg: InvokeArg<C>) => Promise<InvokeResults[C]> | InvokeResults[C] };

/** A failure as the renderer receives it: bad input names the field, like the service's 400s. */
export function toOutcomeError(error: unknown): InvokeOutcome<InvokeChannel> & { ok: false } {
  if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
  if (error instanceof ZodError) return { ok: false, error: ApiError.badRequest(error).toJSON() };
  return { ok: false, error: { status: 500, code: 'internal', message: error instanceof Error ? error.message : String(error) } };
}

/** The listener for one channel: checks the sender, validates the argument, never throws. */
export function invokeListener<C extends InvokeChannel>(channel: C, handler: InvokeHandlers[C]) {
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, raw: unknown): Promise<InvokeOutcome<C>> => {
    if (!isTrustedFrame(event.senderFrame)) {
      return { ok: false, error: { status: 403, code: 'forbidden', message: `IPC ${channel} refused: the sender is not the DutyDesk console` } };
    }
    try {
      const arg = invokeArgs[channel].parse(raw) as InvokeArg<C>;
      return { ok: true, value: await handler(arg) };
    } catch (error) {
      return toOutcomeError(error);
    }
  };
}

/** Registers every invoke channel of the contract; the only place ipcMain is used. */
export function registerInvokeHandlers(handlers: InvokeHandlers): void {
  for (const channel of Object.keys(invokeArgs) as InvokeChannel[]) {
    ipcMain.removeHandler(channel);
    ipcMain.handle(channel, invokeListener(channel, handlers[channel] as InvokeHandlers[typeof channel]));
  }
}

/** Sends an event to the renderer, if its window is still there. */
export function sendEvent<E extends EventChannel>(contents: WebContents | null, channel: E, payload: EventPayloads[E]): void {
  if (contents !== null && !contents.isDestroyed()) contents.send(channel, payload);
}

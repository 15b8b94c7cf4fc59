import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/client/api-error.ts';

// The Electron binary cannot run here; ipc.ts only needs ipcMain's shape.
const handlers = new Map<string, (...args: unknown[]) => unknown>();
vi.mock('electron', () => {
  const ipcMain = { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn), removeHandler: (channel: string) => handlers.delete(channel) };
  return { default: { ipcMain }, ipcMain };
});
const { invokeListener, registerInvokeHandlers } = await import('../../../main/ipc.ts');

const trusted = { senderFrame: { url: 'app://console/index.html', parent: null } } as never;
const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } } as never;

describe('typed IPC handlers', () => {
  it('passes a valid argument to the handler and wraps the result', async () => {
    const listener = invokeListener('tickets:get', ({ id }) => ({ ticket: { id } }) as never);
    expect(await listener(trusted, { id: 7 })).toEqual({ ok: true, value: { ticket: { id: 7 } } });
  });

  it('rejects a bad argument with the field and the reason, without calling the handler', async () => {
    const handler = vi.fn();
    const listener = invokeListener('tickets:command', handler);
    const outcome = await listener(trusted, { command: 'route', id: 3, tier: 'l9', reason: 'x' });
    expect(outcome).toMatchObject({ ok: false, error: { status: 400, code: 'bad_request', field: 'tier' } });
    expect(handler).not.toHaveBeenCalled();
    expect(await listener(trusted, { command: 'take', id: 3, extra: true })).toMatchObject({ ok: false, error: { status: 400 } });
  });

  it('refuses a sender that is not the console page', async () => {
    const handler = vi.fn();
    const outcome = await invokeListener('session:get', handler)(foreign, undefined);
    expect(outcome).toMatchObject({ ok: false, error: { status: 403, code: 'forbidden' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('carries service errors across as data', async () => {
    const listener = invokeListener('tickets:command', () => {
      throw new ApiError(409, 'conflict', 'The ticket is resolved');
    });
    expect(await listener(trusted, { command: 'take', id: 3 })).toEqual({ ok: false, error: { status: 409, code: 'conflict', message: 'The ticket is resolved' } });
  });

  it('registers a handler for every channel of the contract', async () => {
    const { INVOKE_CHANNELS } = await import('../../../shared/ipc/contract.ts');
    const impl = Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, () => null])) as never;
    registerInvokeHandlers(impl);
    expect([...handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });
});

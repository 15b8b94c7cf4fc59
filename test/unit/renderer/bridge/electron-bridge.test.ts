import { describe, expect, it, vi } from 'vitest';
import { createElectronBridge, type PreloadApi } from '../../../../renderer/bridge/electron-bridge.ts';
import { ApiError } from '../../../../shared/client/api-error.ts';
import { DEFAULT_SETTINGS } from '../../../../shared/settings.ts';

function preload(overrides: Partial<Record<string, (arg: unknown) => Promise<unknown>>>): PreloadApi {
  return { on: vi.fn(() => () => {}), ...overrides } as unknown as PreloadApi;
}

describe('electron bridge', () => {
  it('resolves ok outcomes to their value, calling the channel function with the argument', async () => {
    const get = vi.fn(async () => ({ ok: true, value: DEFAULT_SETTINGS }));
    const bridge = createElectronBridge(preload({ 'settings:get': get }));
    await expect(bridge.invoke('settings:get', undefined)).resolves.toEqual(DEFAULT_SETTINGS);
    expect(get).toHaveBeenCalledWith(undefined);
  });

  it('turns a failed outcome into a thrown ApiError with status, code and field', async () => {
    const bridge = createElectronBridge(
      preload({ 'tickets:command': async () => ({ ok: false, error: { status: 409, code: 'conflict', message: 'ticket #4 is resolved', field: 'id' } }) }),
    );
    const error = await bridge.invoke('tickets:command', { command: 'take', id: 4 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'conflict', message: 'ticket #4 is resolved', field: 'id' });
  });

  it('passes subscriptions through and returns the unsubscribe', () => {
    const off = vi.fn();
    const on = vi.fn(() => off);
    const bridge = createElectronBridge({ on } as unknown as PreloadApi);
    const listener = vi.fn();
    bridge.on('ticket:open', listener)();
    expect(on).toHaveBeenCalledWith('ticket:open', listener);
    expect(off).toHaveBeenCalled();
  });
});

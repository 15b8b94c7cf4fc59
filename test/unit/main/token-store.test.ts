import { describe, expect, it } from 'vitest';
import { createTokenStore, type KeyValue, type SafeStorageLike } from '../../../main/token-store.ts';

// safeStorage needs the Electron binary; this stand-in encrypts by reversing, enough to see that
// nothing readable is written.
const safeStorage = (available: boolean): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from([...s].reverse().join('')),
  decryptString: (b) => [...b.toString()].reverse().join(''),
});
const memoryStore = (): KeyValue & { data: Map<string, unknown> } => {
  const data = new Map<string, unknown>();
  return { data, get: (k) => data.get(k), set: (k, v) => void data.set(k, v), delete: (k) => void data.delete(k) };
};

describe('token store', () => {
  it('keeps the token encrypted, never in clear', () => {
    const store = memoryStore();
    const tokens = createTokenStore(safeStorage(true), store);
    tokens.set('secret-token');
    expect(tokens.persistent).toBe(true);
    expect(JSON.stringify([...store.data.values()])).not.toContain('secret-token');
    expect(createTokenStore(safeStorage(true), store).get()).toBe('secret-token');
    tokens.clear();
    expect(tokens.get()).toBeNull();
  });

  it('keeps the token in memory only when the OS has no keyring', () => {
    const store = memoryStore();
    const tokens = createTokenStore(safeStorage(false), store);
    tokens.set('secret-token');
    expect(tokens.persistent).toBe(false);
    expect(tokens.get()).toBe('secret-token');
    expect(store.data.size).toBe(0);
  });

  it('forgets a token it cannot decrypt', () => {
    const store = memoryStore();
    store.set('session.token', 'garbage');
    const tokens = createTokenStore({ ...safeStorage(true), decryptString: () => { throw new Error('wrong key'); } }, store);
    expect(tokens.get()).toBeNull();
    expect(store.data.has('session.token')).toBe(false);
  });
});

/** Where the login token lives between runs. */
export interface TokenStore {
  get(): string | null;
  set(token: string): void;
  clear(): void;
  /** False when the OS offers no encryption: the token is then kept in memory only. */
  readonly persistent: boolean;
}

/** The parts of Electron's safeStorage the token store needs. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** A key-value store (electron-store). */
export interface KeyValue {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

const KEY = 'session.token';

/**
 * Keeps the token encrypted with the OS keychain (safeStorage). Without a keyring (some Linux
 * desktops) it is never written in clear: it lives in memory and the user signs in again next time.
 */
export function createTokenStore(safeStorage: SafeStorageLike, store: KeyValue): TokenStore {
  const persistent = safeStorage.isEncryptionAvailable();
  let memory: string | null = null;
  return {
    persistent,
    get() {
      if (!persistent) return memory;
      const saved = store.get(KEY);
      if (typeof saved !== 'string') return null;
      try {
        return safeStorage.decryptString(Buffer.from(saved, 'base64'));
      } catch {
        // Encrypted by another user or keyring: unusable, so sign in again.
        store.delete(KEY);
        return null;
      }
    },
    set(token) {
      if (persistent) store.set(KEY, safeStorage.encryptString(token).toString('base64'));
      else memory = token;
    },
    clear() {
      memory = null;
      store.delete(KEY);
    },
  };
}

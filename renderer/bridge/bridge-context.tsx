import { createContext, useContext, type ReactNode } from 'react';
import type { Bridge } from '../../shared/ipc/bridge.ts';

const BridgeContext = createContext<Bridge | null>(null);

/** Provides the host bridge (desktop preload or web) to the tree. */
export function BridgeProvider({ bridge, children }: { readonly bridge: Bridge; readonly children: ReactNode }) {
  return <BridgeContext value={bridge}>{children}</BridgeContext>;
}

/** The host bridge. */
export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  if (bridge === null) throw new Error('useBridge outside BridgeProvider');
  return bridge;
}

import { contextBridge } from 'electron';

// The bridge between the sandboxed renderer and main. Each IPC channel of the contract in
// shared/ gets one function here; the console's channels arrive with the console.
const api = Object.freeze({ platform: 'electron' as const });

/** The renderer's view of the bridge. */
export type DutyDeskApi = typeof api;

contextBridge.exposeInMainWorld('dutydesk', api);

import { contextBridge, ipcRenderer } from 'electron';
import type { EventChannel, EventPayloads, InvokeArg, InvokeChannel, InvokeOutcome } from '../shared/ipc/contract.ts';

// One function per invoke channel of shared/ipc/contract.ts, and a listener per event channel:
// never a generic send. Only types come from shared/, so this stays one small CommonJS file.
const invoke =
  <C extends InvokeChannel>(channel: C) =>
  (arg: InvokeArg<C>): Promise<InvokeOutcome<C>> =>
    ipcRenderer.invoke(channel, arg);

const EVENTS: ReadonlySet<string> = new Set<EventChannel>(['service:event', 'connection:changed', 'ticket:open', 'settings:changed', 'session:changed', 'presence:changed']);

const api = {
  'app:info': invoke('app:info'),
  'session:get': invoke('session:get'),
  'session:login': invoke('session:login'),
  'session:logout': invoke('session:logout'),
  'setup:status': invoke('setup:status'),
  'setup:complete': invoke('setup:complete'),
  'workspace:switch': invoke('workspace:switch'),
  'session:changePassword': invoke('session:changePassword'),
  'session:others': invoke('session:others'),
  'session:endOthers': invoke('session:endOthers'),
  'clock:get': invoke('clock:get'),
  'tickets:list': invoke('tickets:list'),
  'tickets:queue': invoke('tickets:queue'),
  'tickets:get': invoke('tickets:get'),
  'tickets:command': invoke('tickets:command'),
  'tickets:create': invoke('tickets:create'),
  'agents:list': invoke('agents:list'),
  'oncall:now': invoke('oncall:now'),
  'oncall:overrides': invoke('oncall:overrides'),
  'oncall:addOverride': invoke('oncall:addOverride'),
  'oncall:removeOverride': invoke('oncall:removeOverride'),
  'pages:list': invoke('pages:list'),
  'pages:ack': invoke('pages:ack'),
  'outages:list': invoke('outages:list'),
  'outages:get': invoke('outages:get'),
  'outages:command': invoke('outages:command'),
  'availability:get': invoke('availability:get'),
  'calendar:get': invoke('calendar:get'),
  'calendar:set': invoke('calendar:set'),
  'admin:agents': invoke('admin:agents'),
  'admin:clients': invoke('admin:clients'),
  'admin:customers': invoke('admin:customers'),
  'admin:audit': invoke('admin:audit'),
  'admin:telegram': invoke('admin:telegram'),
  'canned:list': invoke('canned:list'),
  'canned:command': invoke('canned:command'),
  'ola:targets': invoke('ola:targets'),
  'ola:setTargets': invoke('ola:setTargets'),
  'ola:report': invoke('ola:report'),
  'admin:command': invoke('admin:command'),
  'settings:get': invoke('settings:get'),
  'settings:set': invoke('settings:set'),
  'presence:set': invoke('presence:set'),
  /** Subscribes to an event channel; returns the unsubscribe function. */
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayloads[E]) => void): () => void {
    if (!EVENTS.has(channel)) throw new Error(`Unknown event channel ${channel}`);
    const wrapped = (_event: unknown, payload: EventPayloads[E]) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
} satisfies { [C in InvokeChannel]: (arg: InvokeArg<C>) => Promise<InvokeOutcome<C>> } & Record<string, unknown>;

/** The renderer's view of the bridge: `window.dutydesk`. */
export type DutyDeskApi = typeof api;

contextBridge.exposeInMainWorld('dutydesk', api);

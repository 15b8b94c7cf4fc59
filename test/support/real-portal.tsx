/**
 * The customer portal against the real ticket service, in-process: the desk of real-console.tsx
 * (real HTTP and WebSocket, real SQLite file, a fake service clock), the real web bridge, and the
 * whole PortalApp rendered in jsdom at a hash route. Support's side is played through the API as
 * the agents themselves (anna answers, asks, writes a note), so the portal meets the service's own
 * rules and events.
 */
import { act, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, vi } from 'vitest';
import { PortalApp, type PortalHost } from '../../renderer/portal/app.tsx';
import type { Bridge } from '../../shared/ipc/bridge.ts';
import { testQueryClient, testServerClock, type Desk } from './real-console.tsx';

/** Where the portal tried to go (an agent is sent to the console), and the browser languages it saw. */
export interface TestHost extends PortalHost {
  readonly went: string[];
}

/** A portal host with these browser languages that records where the portal sends the browser. */
export function testHost(languages: readonly string[] = ['en-GB', 'en']): TestHost {
  const went: string[] = [];
  return { languages, go: (path) => void went.push(path), went };
}

/**
 * Renders the portal over `bridge` at `hash` (`#/`, `#/tickets/12`); the hash is cleared after the
 * test. Returns the render result and the host.
 */
export function renderPortal(bridge: Bridge, options: { readonly hash?: string; readonly host?: TestHost } = {}): ReturnType<typeof render> & { readonly host: TestHost } {
  window.location.hash = options.hash ?? '#/';
  const host = options.host ?? testHost();
  const ui: ReactElement = <PortalApp bridge={bridge} queryClient={testQueryClient()} clock={testServerClock()} host={host} />;
  return { ...render(ui), host };
}

/** Goes to another hash route, as a click on a link or the Back button would. */
export function goTo(hash: string): void {
  act(() => {
    window.location.hash = hash;
    // jsdom fires hashchange asynchronously; the portal's route hook listens for it.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

/** Clears the hash after each test (jsdom keeps one location per file). Call at the top level of a file. */
export function useCleanHash(): void {
  afterEach(() => {
    window.location.hash = '';
  });
}

/**
 * The service's clock and this machine's both at `ms` (the portal's measured offset is 0); the
 * support clock's 1-second tick and query polling are driven by hand (`advance`).
 */
export function timeIs(desk: Desk, ms: number): void {
  desk.clock.set(ms);
  vi.useFakeTimers({ now: ms, toFake: ['Date', 'setInterval', 'clearInterval'] });
}

/** Moves both clocks on by `ms` and lets the 1-second tick (and any interval) fire. */
export function advance(desk: Desk, ms: number): void {
  act(() => {
    desk.clock.advance(ms);
    vi.advanceTimersByTime(ms);
  });
}

/** Support's side of a ticket, as a named agent through the API (each call expects a 2xx; `at` is the instant on the service's clock). */
export interface Support {
  take(id: number, at?: number): Promise<void>;
  reply(id: number, body: string, at?: number): Promise<void>;
  ask(id: number, body: string, at?: number): Promise<void>;
  note(id: number, body: string, at?: number): Promise<void>;
  resolve(id: number, at?: number): Promise<void>;
}

/** Support acting as `login` (default anna, L1). */
export function support(desk: Desk, login = 'anna'): Support {
  const message = (id: number, type: 'reply' | 'question' | 'note', body: string, at?: number) => desk.act(login, `/api/v1/tickets/${id}/messages`, { type, body }, at);
  return {
    take: (id, at) => desk.act(login, `/api/v1/tickets/${id}/take`, {}, at),
    reply: (id, body, at) => message(id, 'reply', body, at),
    ask: (id, body, at) => message(id, 'question', body, at),
    note: (id, body, at) => message(id, 'note', body, at),
    resolve: (id, at) => desk.act(login, `/api/v1/tickets/${id}/resolve`, { withoutReply: true }, at),
  };
}

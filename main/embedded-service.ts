import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../server/db/index.ts';
import { clockFrom } from '../server/demo-clock.ts';
import { createService, type Service } from '../server/service.ts';
import { demoLogins } from '../server/demo/people.ts';
import { seedDemo } from '../server/demo/seed.ts';
import type { DemoLogin, Workspace } from '../shared/ipc/contract.ts';

/** The ticket service running inside the desktop app: SQLite in the user-data folder, 127.0.0.1 only. */
export interface EmbeddedService {
  readonly url: string;
  readonly workspace: Workspace;
  /** Accounts for the login screen (the demo workspace's). */
  readonly demoLogins: readonly DemoLogin[];
  /** The own workspace's one-time setup code while it waits for setup (issued at this start); else null. */
  readonly setupCode: string | null;
  close(): Promise<void>;
}

/** Each workspace's SQLite file in the user-data folder: the own one sits next to the demo's, which stays as it is. */
export function workspaceFile(userData: string, workspace: Workspace): string {
  return join(userData, 'data', workspace === 'demo' ? 'dutydesk.sqlite' : 'dutydesk-own.sqlite');
}

/**
 * Starts the embedded service on a workspace's database. The demo workspace is seeded with the
 * demo data on first run; `clock` (DUTYDESK_CLOCK) is an ISO instant to start its demo clock at
 * (server/demo-clock.ts). The own workspace starts empty, without demo data and on the real clock
 * (a demo clock is for demo data), and waits for its first start with a setup code.
 */
export async function startEmbeddedService(userData: string, clock: string | undefined = process.env.DUTYDESK_CLOCK, workspace: Workspace = 'demo'): Promise<EmbeddedService> {
  const demo = workspace === 'demo';
  // Refused before anything is opened or written.
  const time = clockFrom(demo ? clock : undefined, demo);
  const file = workspaceFile(userData, workspace);
  mkdirSync(join(userData, 'data'), { recursive: true });
  const db = await openDatabase(file);
  let service: Service | undefined;
  try {
    if (demo) await seedDemo(db, time.now());
    service = await createService({ db, demo, now: time.now, clock: time.kind });
    const url = await service.listen(0, '127.0.0.1');
    const running = service;
    return {
      url,
      workspace,
      demoLogins: demo ? demoLogins() : [],
      setupCode: running.setupCode,
      async close() {
        await running.close();
        await db.close();
      },
    };
  } catch (error) {
    await service?.close();
    await db.close();
    throw error;
  }
}

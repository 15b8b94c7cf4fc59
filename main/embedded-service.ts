import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../server/db/index.ts';
import { clockFrom } from '../server/demo-clock.ts';
import { createService, type Service } from '../server/service.ts';
import { demoLogins } from '../server/demo/people.ts';
import { seedDemo } from '../server/demo/seed.ts';
import type { DemoLogin } from '../shared/ipc/contract.ts';

/** The ticket service running inside the desktop app: SQLite in the user-data folder, 127.0.0.1 only. */
export interface EmbeddedService {
  readonly url: string;
  /** Accounts for the login screen. */
  readonly demoLogins: readonly DemoLogin[];
  close(): Promise<void>;
}

/**
 * Starts the embedded service, seeding the demo data on first run. `clock` (DUTYDESK_CLOCK) is an ISO
 * instant to start a demo clock at (server/demo-clock.ts); the embedded service always runs demo data.
 */
export async function startEmbeddedService(userData: string, clock: string | undefined = process.env.DUTYDESK_CLOCK): Promise<EmbeddedService> {
  // Refused before anything is opened or written.
  const time = clockFrom(clock, true);
  const dir = join(userData, 'data');
  mkdirSync(dir, { recursive: true });
  const db = await openDatabase(join(dir, 'dutydesk.sqlite'));
  let service: Service | undefined;
  try {
    await seedDemo(db, time.now());
    service = await createService({ db, demo: true, now: time.now, clock: time.kind });
    const url = await service.listen(0, '127.0.0.1');
    const running = service;
    return {
      url,
      demoLogins: demoLogins(),
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

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../server/db/index.ts';
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

/** Starts the embedded service, seeding the demo data on first run. */
export async function startEmbeddedService(userData: string): Promise<EmbeddedService> {
  const dir = join(userData, 'data');
  mkdirSync(dir, { recursive: true });
  const db = await openDatabase(join(dir, 'dutydesk.sqlite'));
  let service: Service | undefined;
  try {
    await seedDemo(db, Date.now());
    service = await createService({ db, demo: true });
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

/**
 * Prints the service's OpenAPI document (what GET /api/v1/openapi.json serves), built in-process
 * over a throwaway in-memory database, without listening. `npm run lint:api` lints it.
 */
import { openDatabase } from '../server/db/index.ts';
import { createService } from '../server/service.ts';

const db = await openDatabase(':memory:');
const service = await createService({ db, schedulerIntervalMs: 0, eventPollMs: 0 });
try {
  process.stdout.write(`${JSON.stringify(service.app.swagger(), null, 2)}\n`);
} finally {
  await service.close();
  await db.close();
}

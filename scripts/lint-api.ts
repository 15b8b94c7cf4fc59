/**
 * `npm run lint:api`: writes the service's OpenAPI document (built in-process, see openapi.ts) to a
 * temporary file and lints it with Redocly CLI's recommended rules (redocly.yaml); any error or
 * warning fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
// The document is over a megabyte (every response inlines its schemas): room for it to grow.
const built = spawnSync(process.execPath, [join(root, 'scripts/openapi.ts')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (built.status !== 0) {
  process.stderr.write(`lint:api: building the OpenAPI document failed${built.error === undefined ? '' : `: ${built.error.message}`}\n${built.stderr}`);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'dutydesk-openapi-'));
const file = join(dir, 'openapi.json');
try {
  writeFileSync(file, built.stdout);
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  const redocly = join(root, 'node_modules/.bin/redocly');
  const lint = spawnSync(redocly, ['lint', '--config', join(root, 'redocly.yaml'), '--format', 'stylish', file], { encoding: 'utf8', env });
  process.stdout.write(lint.stdout);
  process.stderr.write(lint.stderr);
  const warnings = /(\d+) warnings?/.exec(`${lint.stdout}${lint.stderr}`);
  if (lint.status !== 0 || (warnings !== null && Number(warnings[1]) > 0)) {
    process.stderr.write('lint:api: the OpenAPI document has problems (0 errors and 0 warnings are allowed)\n');
    process.exit(1);
  }
  process.stdout.write('lint:api: the OpenAPI document passes Redocly recommended with 0 warnings\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

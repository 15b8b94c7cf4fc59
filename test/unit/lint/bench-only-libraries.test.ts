import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// dayjs, moment and their business-time plugins are dev dependencies for the SLA bench only
// (bench/sla-libraries); eslint.config.js keeps them out of the product's layers.
const root = join(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });

async function importErrors(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const IMPORTS = [
  "import dayjs from 'dayjs';\nexport const d = dayjs;\n",
  "import tz from 'dayjs/plugin/timezone.js';\nexport const t = tz;\n",
  "import 'dayjs-business-time';\n",
  "import moment from 'moment-timezone';\nexport const m = moment;\n",
  "import 'moment-business-time';\n",
];

describe('the bench-only date libraries', () => {
  it.each(['shared/sla/x.ts', 'server/x.ts', 'main/x.ts', 'renderer/x.ts'])('are refused in %s', async (file) => {
    for (const code of IMPORTS) expect(await importErrors(code, file), code).toContainEqual(expect.stringMatching(/bench-only/));
  });

  it('are allowed in bench/, where the SLA bench compares our engine with them', async () => {
    for (const code of IMPORTS) expect(await importErrors(code, 'bench/sla-libraries/x.ts'), code).toEqual([]);
  });
});

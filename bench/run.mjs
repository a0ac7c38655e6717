// `npm run bench`: every bench/*.bench.mjs section in turn, each printing ratios measured side
// by side in this one run. Sections are independent so each area owns its own file.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.bench.mjs')).sort()) {
  if (only && !f.includes(only)) continue;
  const mod = await import(pathToFileURL(path.join(dir, f)).href);
  console.log(`\n## ${mod.title ?? f}\n`);
  await mod.run();
}

/**
 * The seeded templates the parts copy (see Templates in support/server-under-test.ts).
 * `create` seeds one per database and prints them as JSON on its last line; `dispose '<json>'` removes them.
 * Run by scripts/reliability.mjs: node --import tsx test/reliability/templates.ts create
 */
import { disposeTemplates, makeTemplate, reliabilityDatabases, type Templates } from './support/server-under-test.js';

if (process.argv[2] === 'dispose') {
  await disposeTemplates(JSON.parse(process.argv[3] ?? '{}') as Templates);
} else {
  const t0 = performance.now();
  const made: Templates = {};
  for (const kind of reliabilityDatabases()) Object.assign(made, { [kind]: await makeTemplate(kind) });
  process.stdout.write(`Seeded the demo partnership for ${Object.keys(made).join(' and ')} in ${((performance.now() - t0) / 1000).toFixed(1)} s.\n${JSON.stringify(made)}\n`);
}

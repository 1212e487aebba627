import { build } from '/work/wt/refs/src/index.ts';
const r = await build({ courseDirs: [process.argv[2] ?? 'decks/interventional-pain-management'], outDir: '/tmp/refx/out', force: true, env: { ...process.env, SOURCE_DATE_EPOCH: '1795000000' } });
console.log(r.ok, JSON.stringify(r.errors), r.warnings, r.outputs.map((o) => `${o.path} ${o.pages ?? ''}`));

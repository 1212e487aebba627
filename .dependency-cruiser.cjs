/**
 * The layering rule `npm test` enforces (see DESIGN: pipeline folders, bottom
 * to top; imports only go downwards, no cycles). A folder may import its own
 * modules, the shared base (src/errors.ts, src/version.ts, src/package-root.ts,
 * src/io/) and any folder of a lower layer; folders on one layer do not import
 * each other.
 */
const LAYERS = [
  ['content'],
  ['review'],
  ['i18n', 'markets'],
  ['render'],
  ['deck', 'handout', 'pptx'],
  ['compile'],
  ['print'],
  ['pdf'],
  ['personalize'],
  ['targets'],
  ['pipeline'],
  ['dev'],
  ['cli'],
];

const folder = (names) => `^src/(${names.join('|')})/`;
const forbidden = [
  {
    name: 'no-circular',
    severity: 'error',
    comment: 'No import cycles, inside a folder or between folders.',
    from: { path: '^src/' },
    to: { circular: true },
  },
  {
    name: 'base-stays-at-the-bottom',
    severity: 'error',
    comment: 'src/errors.ts, src/version.ts, src/package-root.ts and src/io/ import no other part of deckhand.',
    from: { path: '^src/(errors|version|package-root)\\.ts$|^src/io/' },
    to: { path: '^src/', pathNot: '^src/(errors|version|package-root)\\.ts$|^src/io/' },
  },
  {
    name: 'nothing-imports-the-api',
    severity: 'error',
    comment: 'src/index.ts is the top: the programmatic API.',
    from: { path: '^src/' },
    to: { path: '^src/index\\.ts$' },
  },
];
forbidden.push({
  name: 'every-folder-has-a-layer',
  severity: 'error',
  comment: 'A new folder under src/ must be given its place in LAYERS (in .dependency-cruiser.cjs) first.',
  from: { path: '^src/[^/]+/', pathNot: `${folder(LAYERS.flat())}|^src/io/` },
  to: {},
});
LAYERS.forEach((layer, i) => {
  const higher = LAYERS.slice(i + 1).flat();
  for (const name of layer) {
    const peers = layer.filter((n) => n !== name);
    const banned = [...higher, ...peers];
    if (banned.length === 0) continue;
    forbidden.push({
      name: `layer-${name}`,
      severity: 'error',
      comment: `src/${name}/ may only import lower layers (${LAYERS.slice(0, i).flat().join(', ') || 'none'}) and the base.`,
      from: { path: `^src/${name}/` },
      to: { path: folder(banned) },
    });
  }
});

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    // Type-only imports count too: a type from a higher layer is still a dependency on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};

/**
 * The layer rule (npm run lint): imports flow one way through src/, and never in a circle.
 *
 *   text -> corpus -> analysis -> search -> answers -> runtime -> desk -> coverage -> pictures -> discord | console
 *
 * runtime (the environment and logging) comes after the core, so the core can never read the
 * environment or log: it returns what happened and the host says it.
 *
 * A layer imports only the layers before it; the two front ends never import each other; commands/ is
 * part of the Discord front end; src/main.ts, scripts/, bench/ and test/ sit on top and nothing imports
 * them. Type-only imports count too: a type cycle is still two modules that cannot be understood apart.
 * test/layers.test.ts runs these rules on test/fixtures/layers/ and expects each to fire.
 */
const LAYERS = ['text', 'corpus', 'analysis', 'search', 'answers', 'runtime', 'desk', 'coverage', 'pictures'];
const FRONT_ENDS = { discord: ['src/discord', 'commands'], console: ['src/console'] };
const TOP = ['src/main\\.ts$', 'scripts/', 'bench/', 'test/'];

const under = (dirs) => `^(${dirs.join('|')})`;
const frontEndDirs = Object.values(FRONT_ENDS).flat();

const layerRules = LAYERS.map((layer, i) => ({
  name: `layer-${layer}`,
  severity: 'error',
  comment: `src/${layer} may import only ${
    LAYERS.slice(0, i)
      .map((before) => `src/${before}`)
      .join(', ') || 'no other layer'
  }.`,
  from: { path: `^src/${layer}/` },
  to: { path: under([...LAYERS.slice(i + 1).map((later) => `src/${later}/`), ...frontEndDirs.map((dir) => `${dir}/`), ...TOP]) },
}));

const frontEndRules = Object.entries(FRONT_ENDS).map(([name, dirs]) => ({
  name: `front-end-${name}`,
  severity: 'error',
  comment: `The ${name} front end imports the desk and the core, never the other front end or an entry point.`,
  from: { path: under(dirs.map((dir) => `${dir}/`)) },
  to: {
    path: under([...frontEndDirs.filter((dir) => !dirs.includes(dir)).map((dir) => `${dir}/`), ...TOP]),
  },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'Modules that import each other (directly or through others) cannot be understood or changed apart.',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    ...frontEndRules,
    {
      name: 'discord-only-in-front-end',
      severity: 'error',
      comment: 'Only src/discord and commands/ talk to Discord: the core, the desk and the console know nothing of it.',
      from: { path: under([...LAYERS.map((layer) => `src/${layer}/`), 'src/console/']) },
      to: { path: '(^|/)node_modules/(discord\\.js|@discordjs)/' },
    },
    {
      name: 'src-folder-in-a-layer',
      severity: 'error',
      comment: 'Every folder under src/ has its place in the layer order: add a new one to LAYERS or FRONT_ENDS here.',
      from: { path: '^src/', pathNot: under([...LAYERS.map((layer) => `src/${layer}/`), ...frontEndDirs.map((dir) => `${dir}/`), ...TOP]) },
      to: {},
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^test/fixtures/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};

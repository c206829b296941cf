/**
 * The shape of src/ as its imports draw it: stages in pipeline order that know nothing of caching,
 * the incremental layer and the build composed over them, the commands on top. Fails on an import
 * circle and on any import that runs back up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/** The pipeline's stage folders, in order: a stage may import itself and earlier stages only. */
const STAGES = ['config', 'discover', 'front-matter', 'nav', 'markdown', 'footnotes', 'seo', 'scholar', 'layout', 'search', 'write', 'publish'];
/** Top-level modules any layer may use: small helpers that import no folder. */
const HELPERS = ['errors', 'diagnostics', 'list-files', 'html-text', 'code-unit-order', 'reuse', 'when-rendered', 'url-path'];
/**
 * The layers over the stages, each importing only lower ones: the incremental layer and the parts of
 * the pipeline (0), the pipeline (1), what runs it for a purpose (2: into a folder, then checks, the dev server), the benchmark (3), the commands (4).
 */
const RANK: Record<string, number> = {
  incremental: 0,
  'load-site': 0,
  'layout-as-rendered': 0,
  build: 1,
  'build-to-folder': 2,
  check: 2,
  serve: 2,
  bench: 3,
  import: 3,
  pdf: 3,
  cli: 4,
};

type Graph = Map<string, string[]>;

/** Every `.ts` module under src/ and the modules it imports (relative imports, static, dynamic and type-only), as paths relative to src/ without extension. */
function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory() || !entry.name.endsWith('.ts')) continue;
    const abs = path.join(entry.parentPath, entry.name);
    const from = moduleId(abs);
    const targets = [...readFileSync(abs, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) =>
      moduleId(path.resolve(path.dirname(abs), m[1] as string)),
    );
    graph.set(from, targets);
  }
  return graph;
}

function moduleId(abs: string): string {
  return path.relative(SRC, abs).split(path.sep).join('/').replace(/\.(?:js|ts)$/, '');
}

/** The layer a module belongs to: its top folder, or its own name for top-level modules. */
function layerOf(id: string): string {
  return id.split('/')[0] as string;
}

/** Why importing `to` from `from` runs against the architecture, or undefined when it is fine. */
export function backEdge(from: string, to: string): string | undefined {
  const a = layerOf(from);
  const b = layerOf(to);
  if (a === b) {
    if (a === 'cli' && from.startsWith('cli/commands/') && to.startsWith('cli/commands/')) return 'a command imports another command';
    return undefined;
  }
  if (HELPERS.includes(b)) return undefined;
  if (HELPERS.includes(a)) return `helper ${a} imports ${b}`;
  const stageA = STAGES.indexOf(a);
  const stageB = STAGES.indexOf(b);
  if (stageA !== -1) {
    if (stageB === -1) return `stage ${a} imports ${b}, which is not a stage`;
    if (stageB > stageA) return `stage ${a} imports the later stage ${b}`;
    return undefined;
  }
  if (stageB !== -1) return undefined;
  const rankA = RANK[a];
  const rankB = RANK[b];
  if (rankA === undefined || rankB === undefined) return `${a} or ${b} has no place in the layers: add it to this test`;
  return rankB < rankA ? undefined : `${a} imports ${b}, which sits ${rankB === rankA ? 'beside' : 'above'} it`;
}

/** The first import circle found, as the modules around it, or undefined. */
function findCircle(graph: Graph): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'open') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'open');
    stack.push(id);
    for (const next of graph.get(id) ?? []) {
      const circle = visit(next);
      if (circle !== undefined) return circle;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of graph.keys()) {
    const circle = visit(id);
    if (circle !== undefined) return circle;
  }
  return undefined;
}

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('reads every module and resolves every relative import to a module', () => {
    expect(graph.size).toBeGreaterThan(50);
    const missing = [...graph].flatMap(([from, targets]) => targets.filter((to) => !graph.has(to)).map((to) => `${from} -> ${to}`));
    expect(missing).toEqual([]);
  });

  it('has no import circle', () => {
    expect(findCircle(graph)).toBeUndefined();
  });

  it('has no import that runs back up: stages import only earlier stages, never the incremental layer, the build or the CLI', () => {
    const problems = [...graph].flatMap(([from, targets]) =>
      targets.flatMap((to) => {
        const why = backEdge(from, to);
        return why === undefined ? [] : [`${from} -> ${to}: ${why}`];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('tells back-edges from forward ones', () => {
    expect(backEdge('markdown/render-pool', 'incremental/build-memo')).toMatch(/not a stage/);
    expect(backEdge('discover/discover-source', 'cli/main')).toMatch(/not a stage/);
    expect(backEdge('markdown/render-markdown', 'search/page-terms')).toMatch(/later stage/);
    expect(backEdge('nav/build-nav-tree', 'build')).toMatch(/not a stage/);
    expect(backEdge('incremental/site-snapshot', 'build')).toMatch(/above/);
    expect(backEdge('check/check-site', 'cli/main')).toMatch(/above/);
    expect(backEdge('incremental/render-cache', 'load-site')).toMatch(/beside/);
    expect(backEdge('cli/commands/nav', 'cli/commands/build')).toMatch(/command imports another/);
    expect(backEdge('diagnostics', 'markdown/page-data')).toMatch(/helper/);
    expect(backEdge('search/build-search-index', 'markdown/page-terms')).toBeUndefined();
    expect(backEdge('build', 'incremental/incremental-build')).toBeUndefined();
    expect(backEdge('cli/commands/build', 'build')).toBeUndefined();
  });

  it('finds a circle when there is one', () => {
    const circular: Graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(findCircle(circular)).toEqual(['a', 'b', 'c', 'a']);
  });
});

/**
 * The house, checked on the resolved import graph (dependency-cruiser, type-only imports included):
 * every import between folders follows the layers of CONTRIBUTING.md, no two folders import each
 * other (directly or round a cycle), and no file under server/ is over 400 lines. eslint checks the
 * same layers on the import text as you type; this test is the one that sees through re-exports and
 * path tricks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';

const ROOT = path.resolve(__dirname, '..');

/** A folder of the house: two levels under server/ and reports/, one elsewhere; the root files of server/ and reports/ each on their own. */
export function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'server' || parts[0] === 'reports') return parts.length > 2 ? `${parts[0]}/${parts[1]}` : file;
  return parts[0];
}

const PURE = ['domain', 'entities'];
const CONTEXT = 'server/context.ts';
/** the request vocabulary (validation decorators, validateInput, paging): pure, used from the store up */
const REQUESTS = 'server/requests';
const BELOW_ADAPTERS = [...PURE, REQUESTS, CONTEXT, 'server/app', 'server/queries', 'server/access', 'server/http', 'server/auth'];
/** For each folder, the folders it may import (besides itself). */
const MAY_IMPORT: Record<string, string[]> = {
  domain: ['entities'],
  entities: ['domain'],
  'server/context.ts': ['entities'],
  'server/requests': ['domain'],
  'server/db': [...PURE],
  'server/store': [...PURE, REQUESTS, 'server/db', CONTEXT],
  'server/access': [...PURE, REQUESTS, 'server/store', 'server/db', CONTEXT],
  'server/queries': [...PURE, REQUESTS, 'server/store', 'server/access', 'server/db', CONTEXT],
  'server/auth': [...PURE, REQUESTS, 'server/store', 'server/access', 'server/db', CONTEXT],
  'server/app': [...PURE, REQUESTS, 'server/queries', 'server/store', 'server/access', 'server/auth', 'server/db', CONTEXT],
  'server/http': [...PURE, REQUESTS, 'server/app', 'server/queries', 'server/store', 'server/access', 'server/auth', 'server/db', CONTEXT],
  'server/api': [...BELOW_ADAPTERS, 'reports/registry.ts', 'reports/engine'],
  'server/web': [...BELOW_ADAPTERS, 'reports/registry.ts', 'reports/engine'],
  'server/app.ts': [...BELOW_ADAPTERS, 'server/api', 'server/web', 'server/db'],
  'reports/engine': ['domain'],
  // the registry is the definitions' contract (ReportDefinition); it finds them by folder, not by import
  'reports/definitions': [...PURE, REQUESTS, 'server/queries', 'server/access', CONTEXT, 'reports/engine', 'reports/registry.ts'],
  'reports/registry.ts': [...PURE, REQUESTS, 'reports/definitions', 'reports/engine', 'server/queries', CONTEXT],
};
/** Composition roots: they may import anything, and nothing in the service imports them. */
const ROOTS = ['seeds', 'scripts', 'migrations', 'test', 'ormconfig.ts', 'server/main.ts'];

interface Edge {
  from: string;
  to: string;
}

async function importGraph(): Promise<Edge[]> {
  // dependency-cruiser is an ES module; ts-node compiles this file to CommonJS, which would turn import() into require()
  const esm = new Function('s', 'return import(s)') as (s: string) => Promise<typeof import('dependency-cruiser')>;
  const { cruise } = await esm('dependency-cruiser');
  const result = await cruise(['server', 'reports', 'domain', 'entities', 'seeds', 'scripts', 'migrations', 'ormconfig.ts'], {
    baseDir: ROOT,
    tsPreCompilationDeps: true,
    tsConfig: { fileName: path.join(ROOT, 'tsconfig.json') },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser answered text');
  const edges: Edge[] = [];
  for (const m of result.output.modules) {
    for (const d of m.dependencies) {
      if (d.coreModule || d.couldNotResolve || d.resolved.includes('node_modules')) continue;
      edges.push({ from: m.source, to: d.resolved });
    }
  }
  return edges;
}

/** Strongly connected groups of more than one folder (Tarjan). */
function folderCycles(edges: Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (a === b) continue;
    if (!next.has(a)) next.set(a, new Set());
    next.get(a)!.add(b);
  }
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of next.keys()) if (!indices.has(v)) visit(v);
  return groups;
}

function isRoot(folder: string): boolean {
  return ROOTS.some((r) => folder === r || folder.startsWith(`${r}/`));
}

describe('architecture: the layers of the house', function () {
  this.timeout(120_000);
  let edges: Edge[];
  before(async () => {
    edges = await importGraph();
  });

  it('reads the whole service (a sanity check that the graph is not empty)', () => {
    expect(edges.length).to.be.greaterThan(500);
    expect(edges.some((e) => e.from.startsWith('server/api/') && e.to.startsWith('server/app/'))).to.equal(true);
  });

  it('every import between folders goes down the layers', () => {
    const wrong = new Set<string>();
    for (const { from, to } of edges) {
      const a = folderOf(from);
      const b = folderOf(to);
      if (a === b || isRoot(a)) continue;
      if (isRoot(b)) {
        wrong.add(`${from} → ${to} (nothing in the service imports ${b})`);
        continue;
      }
      const allowed = MAY_IMPORT[a];
      if (!allowed) wrong.add(`${from}: folder ${a} has no place in the layers (add it to CONTRIBUTING.md and this test)`);
      else if (!allowed.includes(b)) wrong.add(`${from} → ${to}`);
    }
    expect([...wrong].sort()).to.deep.equal([]);
  });

  it('no two folders depend on each other, directly or round a cycle', () => {
    expect(folderCycles(edges)).to.deep.equal([]);
  });

  it('finds a cycle and a forbidden edge when there is one (the checks can fail)', () => {
    const made: Edge[] = [
      { from: 'server/app/x.ts', to: 'server/api/y.ts' },
      { from: 'server/api/y.ts', to: 'server/app/x.ts' },
    ];
    expect(folderCycles(made)).to.deep.equal([['server/api', 'server/app']]);
    expect(MAY_IMPORT[folderOf('server/app/x.ts')]).to.not.include(folderOf('server/api/y.ts'));
  });

  it('no file under server/ is over 400 lines', () => {
    const long: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts')) {
          const lines = fs.readFileSync(p, 'utf8').split('\n').length;
          if (lines > 400) long.push(`${path.relative(ROOT, p)}: ${lines}`);
        }
      }
    };
    walk(path.join(ROOT, 'server'));
    expect(long).to.deep.equal([]);
  });
});

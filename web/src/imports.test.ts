// No import cycle inside src/, type-only imports included: a module's dependencies come before
// it, so that moving code between modules cannot hide a loop (lib/consultation/consultation.ts and
// lib/consultation/files.ts once imported each other).
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const FROM = /(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/;
const DYNAMIC = /import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/;
const IMPORT = new RegExp(`${FROM.source}|${DYNAMIC.source}`, 'g');

/** Relative imports of a module's source, resolved against `files` (keys like "./lib/api.ts"). */
export function importsOf(file: string, source: string, files: ReadonlySet<string>): string[] {
  const dir = file.split('/').slice(0, -1);
  const out: string[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? '';
    const parts = [...dir];
    for (const p of spec.split('/')) {
      if (p === '..') parts.pop();
      else if (p !== '.') parts.push(p);
    }
    const base = parts.join('/');
    const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
      .map((ext) => base + ext)
      .find((f) => files.has(f));
    if (found) out.push(found);
  }
  return out;
}

/** Every cycle of the graph, each once, as the list of its modules. */
export function findCycles(graph: ReadonlyMap<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'visiting') cycles.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('imports', () => {
  it('finds a loop, type-only imports included', () => {
    const files = new Set(['./lib/a.ts', './lib/b.ts', './c.tsx']);
    const graph = new Map([
      ['./lib/a.ts', importsOf('./lib/a.ts', "import { b } from './b';", files)],
      ['./lib/b.ts', importsOf('./lib/b.ts', "import type { C } from '../c';", files)],
      ['./c.tsx', importsOf('./c.tsx', "export { a } from './lib/a';", files)],
    ]);
    expect(graph.get('./lib/b.ts')).toEqual(['./c.tsx']);
    expect(findCycles(graph)).toEqual([['./c.tsx', './lib/a.ts', './lib/b.ts']]);
    expect(findCycles(new Map([['./x.ts', []]]))).toEqual([]);
  });

  it('has no cycle inside src/', () => {
    const files = new Set(Object.keys(sources));
    expect(files.size).toBeGreaterThan(100);
    const graph = new Map(
      [...files].map((f) => [f, importsOf(f, sources[f] ?? '', files)] as const),
    );
    expect(findCycles(graph)).toEqual([]);
  });
});

// Import graph of api/src: domain-to-domain edges and file-level cycles.
// Usage: pnpm exec node scripts/import-graph.mjs [--domains] [--cycles]
// Uses the TypeScript compiler's pre-processor, so `import type`, re-exports and dynamic imports all count.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(process.env.IMPORT_GRAPH_ROOT ?? path.join(import.meta.dirname, '../api/src'));
const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.m?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
  }
})(root);

function resolve(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.mts`, base.replace(/\.m?js$/, '.ts'), path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const graph = new Map();
for (const file of files) {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  graph.set(file, [...new Set(info.importedFiles.map((i) => resolve(file, i.fileName)).filter(Boolean))]);
}

/** The folder under api/src; files directly in api/src (app module, cli, entity list) are the composition root. */
const domainOf = (file) => {
  const parts = path.relative(root, file).split(path.sep);
  return parts.length === 1 ? '(root)' : parts[0];
};
const args = process.argv.slice(2);
let failed = false;

if (args.length === 0 || args.includes('--domains')) {
  const edges = new Map();
  for (const [file, deps] of graph) {
    for (const dep of deps) {
      const [a, b] = [domainOf(file), domainOf(dep)];
      if (a === b || a === 'test-support' || b === 'test-support') continue;
      if (/\.(spec|test)\.ts$/.test(file)) continue;
      const key = `${a} -> ${b}`;
      edges.set(key, (edges.get(key) ?? 0) + 1);
    }
  }
  console.log('domain edges (non-test files, import count):');
  for (const [key, count] of [...edges].sort()) console.log(`  ${key} ${count}`);
  const pairs = [...edges.keys()].map((k) => k.split(' -> '));
  const mutual = pairs.filter(([a, b]) => a < b && edges.has(`${b} -> ${a}`)).map(([a, b]) => `${a} <-> ${b}`);
  console.log(`mutual domain dependencies: ${mutual.length ? mutual.join(', ') : 'none'}`);
}

if (args.length === 0 || args.includes('--cycles')) {
  // Tarjan's strongly connected components: every component with more than one file is a cycle.
  let index = 0;
  const stack = [];
  const meta = new Map();
  const cycles = [];
  const strong = (v) => {
    meta.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!meta.has(w)) {
        strong(w);
        meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
      } else if (meta.get(w).onStack) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
    }
    if (meta.get(v).low === meta.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        meta.get(w).onStack = false;
        component.push(path.relative(root, w));
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!meta.has(file)) strong(file);
  console.log(`file-level import cycles (strongly connected groups): ${cycles.length}`);
  for (const cycle of cycles) console.log(`  ${cycle.length} files: ${cycle.join(', ')}`);
  if (cycles.length) failed = true;
}
process.exitCode = failed ? 1 : 0;

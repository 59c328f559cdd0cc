// Builds the api and the workspace packages it depends on, unless the last successful build is newer
// than all of their sources. Used by `pnpm cli` (and `pnpm bench:relevance`) so that a call on an
// up-to-date tree starts at once instead of recompiling for a minute and a half.
//
// "Sources" are every file under each package's src/ except tests (*.test.*, *.spec.*, test-support/,
// which the build configs leave out), plus its package.json and tsconfig*.json and the root
// tsconfig.base.json. A build stamp (api/dist/.build-stamp) is written only after a build succeeded,
// dated to when that build *started*, so a file saved during a build still counts as changed; a
// missing dist/ or stamp means "build". --force builds anyway; --check only reports (exit 1 when stale).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'api', 'dist', '.build-stamp');

/** Workspace package folders by name. */
function workspacePackages() {
  const folders = ['api', 'web', 'e2e', 'migrations', ...readdirSync(join(root, 'packages')).map((p) => join('packages', p))];
  const byName = new Map();
  for (const folder of folders) {
    const file = join(root, folder, 'package.json');
    if (existsSync(file)) byName.set(JSON.parse(readFileSync(file, 'utf8')).name, folder);
  }
  return byName;
}

/** The api and every workspace package it depends on, transitively. */
function apiClosure() {
  const byName = workspacePackages();
  const seen = new Set();
  const visit = (name) => {
    const folder = byName.get(name);
    if (!folder || seen.has(folder)) return;
    seen.add(folder);
    const pkg = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8'));
    for (const [dep, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      if (String(version).startsWith('workspace:')) visit(dep);
    }
  };
  visit('@peerdesk/api');
  return [...seen];
}

const isTest = (name) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(name) || name === 'test-support';

/** The newest modification time (ms) under `dir`, tests aside; returns the first file newer than `than` early. */
function newest(dir, than) {
  let latest = 0;
  let culprit = null;
  const walk = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (isTest(entry.name) || entry.name === 'node_modules') continue;
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const mtime = statSync(full).mtimeMs;
        if (mtime > latest) [latest, culprit] = [mtime, full];
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { latest, culprit: latest > than ? culprit : null };
}

/** Why a build is needed, or null when the last build is current. */
export function staleReason() {
  if (!existsSync(stamp)) return 'no record of a successful build (api/dist/.build-stamp)';
  const built = statSync(stamp).mtimeMs;
  const configs = [join(root, 'tsconfig.base.json')];
  for (const folder of apiClosure()) {
    const dir = join(root, folder);
    if (!existsSync(join(dir, 'dist'))) return `${folder}/dist is missing`;
    for (const name of readdirSync(dir)) if (name === 'package.json' || /^tsconfig.*\.json$/.test(name)) configs.push(join(dir, name));
    const { culprit } = newest(join(dir, 'src'), built);
    if (culprit) return `${culprit.slice(root.length + 1)} changed since the last build`;
  }
  for (const file of configs)
    if (existsSync(file) && statSync(file).mtimeMs > built) return `${file.slice(root.length + 1)} changed since the last build`;
  return null;
}

function build() {
  const started = new Date();
  const args = ['--filter', '@peerdesk/api...', 'run', 'build'];
  // Quiet when it works; on failure run again with output, as `pnpm cli` always did.
  let result = spawnSync('pnpm', ['--silent', ...args], { cwd: root, stdio: 'ignore' });
  if (result.status !== 0) result = spawnSync('pnpm', args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, `built from sources as of ${started.toISOString()}\n`);
  utimesSync(stamp, started, started);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const reason = process.argv.includes('--force') ? 'forced' : staleReason();
  if (process.argv.includes('--check')) {
    // Only say whether a build is needed: exit 1 (with the reason) when it is.
    process.stdout.write(reason ? `stale: ${reason}\n` : 'up to date\n');
    process.exit(reason ? 1 : 0);
  }
  if (reason) {
    process.stderr.write(`Building the api (${reason})…\n`);
    build();
  }
}

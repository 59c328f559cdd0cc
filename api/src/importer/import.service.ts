import { statSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { carryOverImportedReputation } from '../reputation/backfill';
import { BodyConverter } from './body-format';
import { findInconsistencies } from './import-check';
import { ImportInputError } from './input-files';
import { KINDS, type KindCounts, type Kind } from './import-model';
import { defaultSourceName, ImportRun, ImportStopped, type PhaseTiming } from './import-run';
import { PLACEHOLDER_NAME } from './writer/context';
import { tagSlug } from './writer/tags';
import { importJsonl, threadsFile } from './jsonl';
import { CollectingReporter, formatDuration, number, type ImportReporter } from './progress';
import { importStackExchange, type StackExchangeExtras } from './stackexchange';

/**
 * Imports a community: a Stack Exchange data dump or a thread JSONL file, into one space.
 * Idempotent and resumable: every record is keyed by (source, kind, id in the source) in
 * `external_refs`, batches commit whole (with their outbox event), so a re-run — after success,
 * a crash or a fixed input file — adds only what is missing and leaves counters right.
 */

export const IMPORT_FORMATS = ['stackexchange', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const DEFAULT_LICENSE = 'CC BY-SA 4.0';
export const DEFAULT_BATCH_SIZE = 500;

export interface ImportOptions {
  format: ImportFormat;
  /** Stack Exchange: the dump folder. JSONL: the thread file (or a folder with threads.jsonl). */
  path: string;
  /** Names the source; keys the idempotency (re-run with the same name). Default: the folder's name. */
  source?: string | null;
  /** Space slug; created when missing. Default: a space named after the source. */
  space?: string | null;
  /** Licence for every imported question (default: the post's own, else CC BY-SA 4.0). */
  license?: string | null;
  /** Link pattern per question, `{id}` = the id in the source. */
  sourceUrl?: string | null;
  batchSize?: number;
  reporter?: ImportReporter;
  signal?: AbortSignal;
  /** Test hook: runs inside each batch transaction before it commits; throwing simulates a crash. */
  beforeCommit?: (batch: number) => void | Promise<void>;
}

export interface ImportResult {
  format: ImportFormat;
  source: string;
  space: { slug: string; name: string; created: boolean };
  kinds: Map<Kind, KindCounts>;
  notes: Map<string, number>;
  phases: PhaseTiming[];
  elapsedMs: number;
  /** Questions and answers read (imported, already present or skipped). */
  posts: number;
  postsPerSecond: number;
  stackExchange: StackExchangeExtras | null;
  usersFile: boolean;
  /** Questions whose counters disagree with their rows after the run (checked at the end; empty when all is well). */
  inconsistencies: string[];
  /** Set when the import stopped early; the completed batches are committed, a re-run resumes. */
  fatal: string | null;
}

/** "support-forums" → "Support forums". */
function readableName(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function spaceSlugFor(source: string): string {
  return tagSlug(source.replace(/\./g, '-')).slice(0, 60) || 'imported';
}

async function ensureSpace(
  dataSource: DataSource,
  slug: string,
  name: string,
  source: string,
): Promise<{ id: string; created: boolean; name: string }> {
  const created = (await dataSource.query(
    `INSERT INTO spaces (slug, name, description, position)
     SELECT $1, $2, $3, COALESCE(max(position) + 1, 0) FROM spaces
     ON CONFLICT (slug) DO NOTHING RETURNING id::text, name`,
    [slug, name.slice(0, 80), `Threads imported from ${source}.`],
  )) as { id: string; name: string }[];
  if (created.length > 0) return { id: created[0]!.id, created: true, name: created[0]!.name };
  const [existing] = (await dataSource.query(`SELECT id::text, name FROM spaces WHERE slug = $1`, [slug])) as {
    id: string;
    name: string;
  }[];
  return { id: existing!.id, created: false, name: existing!.name };
}

/** The default link pattern for a Stack Exchange source named by its host ("cardano.stackexchange.com"). */
function defaultSourceUrl(format: ImportFormat, source: string): string | null {
  return format === 'stackexchange' && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(source) ? `https://${source}/q/{id}` : null;
}

function siteBase(pattern: string | null): string | null {
  if (!pattern) return null;
  try {
    return new URL(pattern.replace('{id}', '1')).origin;
  } catch {
    return null;
  }
}

export async function runImport(dataSource: DataSource, options: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const isDirectory = statSync(options.path).isDirectory();
  const source = (options.source ?? defaultSourceName(options.path, !isDirectory)).trim();
  const spaceSlug = options.space ?? spaceSlugFor(source);
  const space = await ensureSpace(dataSource, spaceSlug, options.space ? readableName(options.space) : source, source);
  const sourceUrl = options.sourceUrl ?? defaultSourceUrl(options.format, source);
  const reporter = options.reporter ?? new CollectingReporter();
  const run = new ImportRun(
    dataSource,
    { source, spaceId: space.id, converter: new BodyConverter(siteBase(sourceUrl)), createMissingUsers: options.format === 'jsonl' },
    reporter,
    { batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE, signal: options.signal, beforeCommit: options.beforeCommit },
  );
  const license = options.license ?? null;
  let fatal: string | null = null;
  let stackExchange: StackExchangeExtras | null = null;
  let usersFile = false;
  try {
    if (options.format === 'stackexchange') {
      stackExchange = await importStackExchange(run, options.path, { sourceUrl, license, defaultLicense: DEFAULT_LICENSE });
    } else {
      ({ usersFile } = await importJsonl(run, threadsFile(options.path, isDirectory), {
        sourceUrl: options.sourceUrl ?? null,
        license,
        // A JSONL file can come from anywhere: without a stated licence, none is claimed.
        defaultLicense: null,
      }));
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ImportInputError || error instanceof ImportStopped) fatal = message;
    // Ctrl-C also stops an embedded PostgreSQL, which ends the batch in flight: it is rolled back.
    else if (options.signal?.aborted) fatal = `Interrupted; the batch in progress was rolled back (${message}).`;
    else fatal = message;
    if (!(error instanceof ImportInputError) && !(error instanceof ImportStopped) && process.env.IMPORT_DEBUG) console.error(error);
  }
  await dataSource.transaction((manager) => carryOverImportedReputation(manager, source));
  const elapsedMs = Date.now() - started;
  const inconsistencies = await findInconsistencies(dataSource, source).catch((error: Error) => [
    `the check could not run: ${error.message}`,
  ]);
  const kinds = run.tally.kinds;
  const posts = (['question', 'answer'] as const).reduce((sum, kind) => {
    const c = kinds.get(kind);
    return sum + (c ? c.imported + c.present + [...c.skipped.values()].reduce((a, b) => a + b, 0) : 0);
  }, 0);
  return {
    format: options.format,
    source,
    space: { slug: spaceSlug, name: space.name, created: space.created },
    kinds,
    notes: run.tally.notes,
    phases: run.phases,
    elapsedMs,
    posts,
    postsPerSecond: posts / Math.max(elapsedMs / 1000, 0.001),
    stackExchange,
    usersFile,
    inconsistencies,
    fatal,
  };
}

const KIND_LABELS: Record<Kind, string> = {
  user: 'users',
  tag: 'tags',
  question: 'questions',
  answer: 'answers',
  comment: 'comments',
  acceptance: 'accepted answers',
  duplicate: 'duplicate links',
  'other post': 'other posts',
};

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   ')).join('\n');
}

/** The summary printed at the end of an import: a table per kind, skip reasons, notes, throughput. */
export function formatSummary(result: ImportResult): string {
  const out: string[] = [];
  const status = result.fatal ? 'STOPPED EARLY' : 'finished';
  out.push(
    `Import of "${result.source}" (${result.format}) into space "${result.space.slug}"${result.space.created ? ' (created)' : ''}: ${status} in ${formatDuration(result.elapsedMs)}.`,
  );
  out.push('');
  const rows = [['', 'imported', 'already present', 'skipped']];
  for (const kind of KINDS) {
    const c = result.kinds.get(kind);
    if (!c) continue;
    const skipped = [...c.skipped.values()].reduce((a, b) => a + b, 0);
    rows.push([KIND_LABELS[kind], number(c.imported), number(c.present), number(skipped)]);
  }
  out.push(table(rows));
  const reasons = KINDS.flatMap((kind) =>
    [...(result.kinds.get(kind)?.skipped ?? new Map<string, number>())].map(
      ([reason, n]) => `  ${KIND_LABELS[kind]}: ${number(n)} × ${reason}`,
    ),
  );
  if (reasons.length > 0) out.push('', 'Skipped, with reasons:', ...reasons);
  const notes: string[] = [];
  for (const [note, n] of result.notes) notes.push(`  ${note}: ${number(n)}`);
  const se = result.stackExchange;
  if (se) {
    if (se.votes) {
      const parts = Object.entries(se.votes.byType)
        .sort((a, b) => b[1] - a[1])
        .map(([type, n]) => `${type} ${number(n)}`)
        .join(', ');
      notes.push(
        `  votes: ${number(se.votes.rows)} rows read from Votes.xml (${parts}); voters are anonymous in Stack Exchange dumps, so no votes were created — scores come from Posts.xml (Score).`,
      );
      const accepted = se.votes.byType.accepted ?? 0;
      notes.push(
        `  accepted-answer votes in Votes.xml: ${number(accepted)}; AcceptedAnswerId in Posts.xml: ${number(se.acceptedInPosts)}${accepted === se.acceptedInPosts ? ' (consistent)' : ''}.`,
      );
    } else notes.push('  votes: Votes.xml not found; scores come from Posts.xml (Score).');
    notes.push(
      se.badges === null
        ? '  badges: Badges.xml not found.'
        : `  badges: ${number(se.badges)} rows in Badges.xml — not imported yet (badges arrive with the reputation work).`,
    );
    const missing = Object.entries(se.files)
      .filter(([, present]) => !present)
      .map(([f]) => f);
    if (missing.length > 0) notes.push(`  files not in the dump folder: ${missing.join(', ')}.`);
  }
  if (result.format === 'jsonl' && !result.usersFile)
    notes.push('  users.jsonl not found beside the file: authors are named by owner_display_name.');
  notes.push(
    `  authors without a known account are shown as "${PLACEHOLDER_NAME}" (one placeholder per source); imported accounts have no e-mail or password (unclaimed).`,
  );
  out.push('', 'Notes:', ...notes);
  out.push(
    '',
    result.inconsistencies.length === 0
      ? `Check: every question of "${result.source}" has answer count, status and accepted answer in agreement with its rows.`
      : `Check FAILED — counters disagree with rows:\n${result.inconsistencies.map((i) => `  ${i}`).join('\n')}`,
  );
  out.push('', `Phases: ${result.phases.map((p) => `${p.name} ${formatDuration(p.ms)} (${number(p.rows)} rows)`).join(' · ')}`);
  const fresh = (result.kinds.get('question')?.imported ?? 0) + (result.kinds.get('answer')?.imported ?? 0);
  out.push(
    `Throughput: ${number(result.posts)} posts (questions and answers; ${number(fresh)} new) in ${formatDuration(result.elapsedMs)} = ${number(Math.round(result.postsPerSecond))} posts/s.`,
  );
  return out.join('\n');
}

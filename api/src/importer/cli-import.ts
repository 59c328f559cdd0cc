import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_LICENSE,
  formatSummary,
  IMPORT_FORMATS,
  runImport,
  type ImportFormat,
  type ImportOptions,
} from './import.service';
import { StreamReporter } from './progress';

/** `pnpm cli import …`: argument checks (usage errors before any database work), progress and summary. */

export const IMPORT_USAGE = `pnpm cli import <path> --format stackexchange|jsonl [--space <slug>] [--source <name>] [--license <text>] [--source-url <pattern>] [--batch-size <n>]

  <path>          stackexchange: a data-dump folder (Posts.xml required; Users, Comments, PostLinks,
                  Tags, Votes, Badges .xml used when present). jsonl: a thread JSONL file, or a
                  folder with threads.jsonl (users.jsonl beside it gives authors their names).
  --space         space slug for the questions; created when missing. Default: a space named after the source.
  --source        the source's name, shown on every thread; it keys what was imported, so use the
                  same name when you re-run. Default: the folder's name.
  --license       licence shown on every thread. Default: each post's own (Stack Exchange
                  ContentLicense, a JSONL line's "license"), else "${DEFAULT_LICENSE}" for Stack
                  Exchange dumps and none for JSONL.
  --source-url    link to the original per question, {id} = its id in the source, e.g.
                  https://cardano.stackexchange.com/q/{id}. Default: none (Stack Exchange sources named
                  by their host, like cardano.stackexchange.com, link to https://<host>/q/{id}).
  --batch-size    rows per transaction (default ${DEFAULT_BATCH_SIZE}).

Re-running is safe: records already imported are skipped, so an interrupted import resumes by
running the same command again. Questions already imported stay in the space they were imported
into. IMPORT_DEBUG=1 prints the stack trace of an unexpected error.`;

export type ParsedImportArgs = { ok: true; options: ImportOptions } | { ok: false; error: string };

const VALUE_OPTIONS = ['format', 'space', 'source', 'license', 'source-url', 'batch-size'] as const;

export function parseImportArgs(args: string[]): ParsedImportArgs {
  const values: Partial<Record<(typeof VALUE_OPTIONS)[number], string>> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (!(VALUE_OPTIONS as readonly string[]).includes(name)) return { ok: false, error: `Unknown option --${name}.` };
      const value = inline ?? args[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) return { ok: false, error: `--${name} needs a value.` };
      values[name as (typeof VALUE_OPTIONS)[number]] = value;
    } else positional.push(arg);
  }
  if (positional.length !== 1)
    return {
      ok: false,
      error: positional.length === 0 ? 'Give the path of a dump folder or a JSONL file.' : `One path only, got: ${positional.join(' ')}.`,
    };
  const path = positional[0]!;
  const format = values.format;
  if (!format) return { ok: false, error: 'Say which format the input has: --format stackexchange or --format jsonl.' };
  if (!(IMPORT_FORMATS as readonly string[]).includes(format))
    return { ok: false, error: `Unknown --format "${format}": use stackexchange or jsonl.` };
  if (!existsSync(path)) return { ok: false, error: `No such file or folder: ${path}` };
  const isDirectory = statSync(path).isDirectory();
  if (format === 'stackexchange') {
    if (!isDirectory)
      return { ok: false, error: `${path} is not a folder: --format stackexchange takes a data-dump folder (with Posts.xml).` };
    if (!existsSync(join(path, 'Posts.xml')))
      return { ok: false, error: `No Posts.xml in ${path}: is this a Stack Exchange data dump folder?` };
  } else if (isDirectory && !existsSync(join(path, 'threads.jsonl'))) {
    return { ok: false, error: `${path} is a folder without threads.jsonl: give the JSONL file itself.` };
  }
  if (values.space !== undefined && !/^[a-z0-9][a-z0-9-]{0,59}$/.test(values.space)) {
    return { ok: false, error: `--space "${values.space}" is not a space slug (lower-case letters, digits and "-", at most 60).` };
  }
  if (values.source !== undefined && (values.source.trim() === '' || values.source.length > 120))
    return { ok: false, error: '--source must have 1–120 characters.' };
  if (values.license !== undefined && (values.license.trim() === '' || values.license.length > 60))
    return { ok: false, error: '--license must have 1–60 characters.' };
  if (values['source-url'] !== undefined && !/^https?:\/\/\S*\{id\}\S*$/.test(values['source-url'])) {
    return { ok: false, error: '--source-url must be an http(s) URL containing {id}, e.g. https://cardano.stackexchange.com/q/{id}.' };
  }
  let batchSize = DEFAULT_BATCH_SIZE;
  if (values['batch-size'] !== undefined) {
    batchSize = Number(values['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
      return { ok: false, error: '--batch-size must be a whole number from 1 to 10000.' };
  }
  return {
    ok: true,
    options: {
      format: format as ImportFormat,
      path,
      source: values.source ?? null,
      space: values.space ?? null,
      license: values.license ?? null,
      sourceUrl: values['source-url'] ?? null,
      batchSize,
    },
  };
}

/** Runs the import with progress on stderr and prints the summary; 0 when complete, 1 when it stopped early. */
export async function runImportCommand(dataSource: DataSource, options: ImportOptions): Promise<number> {
  const controller = new AbortController();
  const onInterrupt = () => {
    process.stderr.write('\nStopping after the current batch (press Ctrl-C again to stop at once)…\n');
    controller.abort();
  };
  process.once('SIGINT', onInterrupt);
  try {
    const result = await runImport(dataSource, { ...options, reporter: new StreamReporter(process.stderr), signal: controller.signal });
    console.log(formatSummary(result));
    if (result.fatal) {
      console.error(`\nThe import stopped: ${result.fatal}`);
      console.error(
        'Everything up to the last completed batch is saved. To resume, fix the cause if needed and run the same command again: records already imported are skipped.',
      );
      return 1;
    }
    return 0;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

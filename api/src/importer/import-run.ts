import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { appendOutbox } from '../platform/outbox/outbox';
import { ImportInputError } from './input-files';
import { Tally, type Kind, type Located } from './import-model';
import type { WriterContext } from './writer/context';
import type { ImportReporter } from './progress';

/**
 * One import run: commits batches (each in its own transaction with its outbox event), keeps the
 * totals and phase timings, and cuts floods of warnings short on the terminal.
 */

export const OUTBOX_TOPIC = 'questions.imported';
const WARNINGS_PER_REASON = 20;

export class ImportStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportStopped';
  }
}

export interface PhaseTiming {
  name: string;
  rows: number;
  ms: number;
}

export interface RunOptions {
  batchSize: number;
  signal?: AbortSignal;
  /** Test hook: runs inside each batch transaction just before it commits (throw to simulate a crash). */
  beforeCommit?: (batch: number) => void | Promise<void>;
}

export interface PassSpec<R, T extends Located> {
  phase: string;
  /** The file read (for the progress percentage). */
  file: string;
  /** Streams the rows; reports bytes read through the callback. */
  read: (onBytes: (n: number) => void) => AsyncIterable<R>;
  /** Turns a row into a record, or null to leave it out (after recording why, if it is a problem). */
  parse: (row: R) => T | null;
  /** What a single record that the database rejects counts as. */
  kind: Kind;
  write: (m: EntityManager, tally: Tally, items: T[]) => Promise<void>;
  /** Optional read-ahead outside the transaction (convert bodies) that overlaps the previous batch's commit. */
  prepare?: (m: EntityManager, items: T[]) => Promise<void>;
  /** How many rows an item stands for (a JSONL thread: the question, its answers and comments). */
  weight?: (item: T) => number;
}

function fileSize(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

/** SQLSTATE classes that a single bad record can cause: data exceptions, integrity violations, program limits. */
function isRecordError(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = String(e.code ?? e.driverError?.code ?? '');
  return /^(22|23|54)/.test(code);
}

export class ImportRun {
  readonly tally = new Tally();
  readonly phases: PhaseTiming[] = [];
  private readonly warningsByReason = new Map<string, number>();
  private batches = 0;

  constructor(
    private readonly dataSource: DataSource,
    readonly ctx: WriterContext,
    private readonly reporter: ImportReporter,
    private readonly options: RunOptions,
  ) {}

  /** A record left out while reading (bad row); counted and reported at once. */
  skip(kind: Kind, reason: string, where: string, detail = ''): void {
    const tally = new Tally();
    tally.skip(kind, reason, where, detail);
    this.absorb(tally);
  }

  /** Counts a record left out for a reason that is not a problem (e.g. tag wikis in a dump); no warning. */
  skipQuietly(kind: Kind, reason: string): void {
    const skipped = this.tally.counts(kind).skipped;
    skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  }

  note(key: string, n = 1): void {
    this.tally.note(key, n);
  }

  warn(reason: string, message: string): void {
    const tally = new Tally();
    tally.warn(reason, message);
    this.absorb(tally);
  }

  /** Streams a file through `parse` and commits the records in batches of about `batchSize` rows. */
  async pass<R, T extends Located>(spec: PassSpec<R, T>): Promise<void> {
    const started = Date.now();
    this.reporter.startPhase(spec.phase, fileSize(spec.file));
    let rows = 0;
    let batch: T[] = [];
    let weight = 0;
    // One batch commits while the next is read and prepared: commits stay in order, one at a time.
    let inflight: Promise<void> | null = null;
    const settle = async () => {
      const pending = inflight;
      inflight = null;
      await pending;
    };
    const submit = async (items: T[]) => {
      if (spec.prepare) await spec.prepare(this.dataSource.manager, items);
      await settle();
      inflight = this.commit(spec, items);
      inflight.catch(() => undefined); // awaited (and thrown) by settle()
    };
    try {
      for await (const row of spec.read((n) => this.reporter.bytes(n))) {
        rows += 1;
        this.reporter.rows(1);
        const item = spec.parse(row);
        if (!item) continue;
        batch.push(item);
        weight += spec.weight?.(item) ?? 1;
        if (weight >= this.options.batchSize) {
          const full = batch;
          batch = [];
          weight = 0;
          await submit(full);
        }
      }
      const last = batch;
      batch = [];
      await submit(last);
      await settle();
    } catch (error) {
      await settle();
      // A broken file: keep what was read completely before the break, then stop.
      if (error instanceof ImportInputError && batch.length > 0) await this.commit(spec, batch);
      throw error;
    } finally {
      this.reporter.endPhase();
      this.phases.push({ name: spec.phase, rows, ms: Date.now() - started });
    }
  }

  /** Counts the rows of a file without writing anything (Votes, Badges). */
  async count<R>(
    phase: string,
    file: string,
    read: (onBytes: (n: number) => void) => AsyncIterable<R>,
    each: (row: R) => void,
  ): Promise<number> {
    const started = Date.now();
    this.reporter.startPhase(phase, fileSize(file));
    let rows = 0;
    try {
      for await (const row of read((n) => this.reporter.bytes(n))) {
        rows += 1;
        this.reporter.rows(1);
        each(row);
      }
    } finally {
      this.reporter.endPhase();
      this.phases.push({ name: phase, rows, ms: Date.now() - started });
    }
    return rows;
  }

  /**
   * Writes a batch in one transaction, with one outbox event for the questions it touched. When
   * the database rejects the batch because of one bad record, the batch is retried record by
   * record and only the bad one is skipped (and reported).
   */
  private async commit<R, T extends Located>(spec: PassSpec<R, T>, items: T[]): Promise<void> {
    if (items.length === 0) return;
    try {
      await this.commitOnce(spec, items);
    } catch (error) {
      if (!isRecordError(error)) throw error;
      if (items.length === 1) {
        this.skip(spec.kind, 'the database rejected it', items[0]!.where, (error as Error).message);
        return;
      }
      for (const item of items) await this.commit(spec, [item]);
    }
  }

  private async commitOnce<R, T extends Located>(spec: PassSpec<R, T>, items: T[]): Promise<void> {
    const tally = new Tally();
    await this.dataSource.transaction(async (m) => {
      // Two imports of the same source at once take turns per batch, so neither adds a record twice.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`peerdesk-import:${this.ctx.source}`]);
      await spec.write(m, tally, items);
      if (tally.touched.size > 0) {
        const questionIds = [...tally.touched];
        await appendOutbox(m, OUTBOX_TOPIC, questionIds[0]!, { questionIds });
      }
      await this.options.beforeCommit?.(this.batches + 1);
    });
    this.batches += 1;
    this.absorb(tally);
    if (this.options.signal?.aborted) throw new ImportStopped('Interrupted.');
  }

  private absorb(tally: Tally): void {
    this.tally.merge(tally);
    for (const warning of tally.warnings) {
      const seen = (this.warningsByReason.get(warning.reason) ?? 0) + 1;
      this.warningsByReason.set(warning.reason, seen);
      if (seen <= WARNINGS_PER_REASON) this.reporter.warn(warning.message);
      else if (seen === WARNINGS_PER_REASON + 1)
        this.reporter.warn(`more "${warning.reason}" cases follow; they are counted in the summary only`);
    }
  }
}

/** The name a folder or file gives a source when --source is not given. */
export function defaultSourceName(path: string, isFile: boolean): string {
  const full = resolve(path);
  return basename(isFile ? dirname(full) : full);
}

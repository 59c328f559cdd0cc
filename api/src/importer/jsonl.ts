import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readLines, type TextLine } from './input-files';
import {
  parseDate,
  toInt,
  type AcceptanceRecord,
  type AnswerRecord,
  type CommentRecord,
  type DuplicateRecord,
  type Located,
  type Owner,
  type QuestionRecord,
  type Tally,
  type UserRecord,
} from './import-model';
import type { ImportRun } from './import-run';
import type { EntityManager } from 'typeorm';
import { applyAcceptances, insertAnswers, planAnswers } from './writer/answers';
import { writeComments } from './writer/comments';
import { applyDuplicates } from './writer/duplicates';
import { prepareBodies, type WriterContext } from './writer/context';
import { insertQuestions, planQuestions, type AnswerState } from './writer/questions';
import { writeUsers } from './writer/users';
import type { BodyFormat } from './body-format';

/**
 * Thread JSONL (see shared/data/README.md): one question per line with its answers and comments
 * nested. Each thread is written whole in one batch transaction; `users.jsonl` beside the file,
 * when present, is imported first so authors get their names.
 */

export interface JsonlOptions {
  /** `https://…/{id}`, overriding each thread's own `url`. */
  sourceUrl: string | null;
  license: string | null;
  defaultLicense: string | null;
}

interface Thread extends Located {
  question: QuestionRecord;
  answers: AnswerRecord[];
  comments: CommentRecord[];
  acceptance: AcceptanceRecord | null;
  /** `duplicate_of`: the id of the thread this one is a duplicate of (applied once every thread is in). */
  duplicate: DuplicateRecord | null;
  rows: number;
}

type Json = Record<string, unknown>;

const FORMATS: BodyFormat[] = ['html', 'text', 'markdown'];

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}

function ownerOf(o: Json): Owner {
  return { id: idOf(o.owner_user_id), name: typeof o.owner_display_name === 'string' ? o.owner_display_name.trim() || null : null };
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** What is wrong with a record's body and creation_date, e.g. 'creation_date ("05/15/15 17:21" is not ISO 8601)'. */
function bodyAndDateProblems(o: Json): string[] {
  const problems: string[] = [];
  if (typeof o.body !== 'string') problems.push(o.body === undefined || o.body === null ? 'body (missing)' : 'body (not a string)');
  if (!parseDate(o.creation_date))
    problems.push(
      o.creation_date === undefined || o.creation_date === null
        ? 'creation_date (missing)'
        : `creation_date (${describe(o.creation_date)} is not ISO 8601)`,
    );
  return problems;
}

function parseJson(run: ImportRun, kind: 'question' | 'user', at: string, text: string): Json | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    run.skip(kind, 'the line is not valid JSON', at, (error as Error).message);
    return null;
  }
  if (!isObject(value)) {
    run.skip(kind, 'the line is not a JSON object', at);
    return null;
  }
  return value;
}

function parseComments(
  run: ImportRun,
  list: unknown,
  parentId: string,
  on: 'question' | 'answer',
  at: string,
  format: BodyFormat,
): CommentRecord[] {
  if (list === null || list === undefined) return [];
  if (!Array.isArray(list)) {
    run.skip('comment', 'comments is not an array', at, `${on} ${parentId}`);
    return [];
  }
  const comments: CommentRecord[] = [];
  list.forEach((c: unknown, index) => {
    const id = isObject(c) ? (idOf(c.id) ?? `${parentId}/c${index + 1}`) : `${parentId}/c${index + 1}`;
    const problems = isObject(c) ? bodyAndDateProblems(c) : ['not an object'];
    if (!isObject(c) || problems.length > 0) {
      run.skip('comment', 'missing or invalid field(s)', `${at}, comment ${id}`, problems.join(', '));
      return;
    }
    comments.push({
      extId: id,
      postExtId: parentId,
      on,
      where: `${at}, comment ${id}`,
      body: { text: c.body as string, format },
      createdAt: parseDate(c.creation_date)!,
      owner: ownerOf(c),
    });
  });
  return comments;
}

export function parseThread(run: ImportRun, fileName: string, line: TextLine, options: JsonlOptions): Thread | null {
  if (line.text.trim() === '') return null;
  let at = `${fileName} line ${line.line}`;
  const t = parseJson(run, 'question', at, line.text);
  if (!t) return null;
  const id = idOf(t.id);
  if (id) at += ` (id ${id})`;
  const createdAt = parseDate(t.creation_date);
  const format = t.body_format ?? 'text';
  const problems = [
    !id && 'id (missing)',
    (typeof t.title !== 'string' || !t.title.trim()) && 'title (missing or empty)',
    ...bodyAndDateProblems(t),
    !FORMATS.includes(format as BodyFormat) && `body_format (${describe(format)}: use html, text or markdown)`,
    t.answers !== null && t.answers !== undefined && !Array.isArray(t.answers) && 'answers (not an array)',
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) {
    run.skip('question', 'missing or invalid field(s)', at, problems.join(', '));
    return null;
  }
  const bodyFormat = format as BodyFormat;
  const url = typeof t.url === 'string' && /^https?:\/\//i.test(t.url) ? t.url : null;
  const tags = Array.isArray(t.tags)
    ? t.tags
        .filter((x): x is string => typeof x === 'string')
        .flatMap((x) => x.split(/[;,]/))
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
  const question: QuestionRecord = {
    extId: id!,
    where: at,
    title: t.title as string,
    body: { text: t.body as string, format: bodyFormat },
    tags,
    createdAt: createdAt!,
    lastActivityAt: null,
    editedAt: null,
    score: toInt(t.score),
    viewCount: Math.max(0, toInt(t.view_count)),
    owner: ownerOf(t),
    closed: false,
    sourceUrl: options.sourceUrl ? options.sourceUrl.replace('{id}', encodeURIComponent(id!)) : url,
    license: options.license ?? (typeof t.license === 'string' && t.license.trim() ? t.license : options.defaultLicense),
  };
  const comments = parseComments(run, t.comments, id!, 'question', at, bodyFormat);
  const answers: AnswerRecord[] = [];
  let acceptedId = idOf(t.accepted_answer_id);
  const duplicateOf = idOf(t.duplicate_of);
  if (t.duplicate_of !== undefined && t.duplicate_of !== null && !duplicateOf)
    run.skip('duplicate', 'duplicate_of is not a thread id', at, describe(t.duplicate_of));
  ((t.answers as unknown[] | null | undefined) ?? []).forEach((a: unknown, index) => {
    const answerId = isObject(a) ? (idOf(a.id) ?? `${id}/a${index + 1}`) : `${id}/a${index + 1}`;
    const answerAt = `${at}, answer ${answerId}`;
    const problems = isObject(a) ? bodyAndDateProblems(a) : ['not an object'];
    if (!isObject(a) || problems.length > 0) {
      run.skip('answer', 'missing or invalid field(s)', answerAt, problems.join(', '));
      return;
    }
    const answerCreated = parseDate(a.creation_date)!;
    if (!acceptedId && a.is_accepted === true) acceptedId = answerId;
    answers.push({
      extId: answerId,
      questionExtId: id!,
      where: answerAt,
      body: { text: a.body as string, format: bodyFormat },
      createdAt: answerCreated,
      editedAt: null,
      score: toInt(a.score),
      owner: ownerOf(a),
    });
    comments.push(...parseComments(run, a.comments, answerId, 'answer', answerAt, bodyFormat));
  });
  const dates = [createdAt!, ...answers.map((a) => a.createdAt), ...comments.map((c) => c.createdAt)];
  question.lastActivityAt = new Date(Math.max(...dates.map((d) => d.getTime())));
  return {
    where: at,
    question,
    answers,
    comments,
    acceptance: acceptedId ? { questionExtId: id!, answerExtId: acceptedId, where: at } : null,
    duplicate: duplicateOf ? { questionExtId: id!, originalExtId: duplicateOf, where: at } : null,
    rows: 1 + answers.length + comments.length,
  };
}

/**
 * Writes a batch of threads. A thread's question and answers arrive together, so a new question is
 * inserted with its answer count, status and last activity already right: only questions with an
 * accepted answer (which must exist first) and questions imported before are updated afterwards.
 */
async function writeThreads(m: EntityManager, ctx: WriterContext, tally: Tally, threads: Thread[]): Promise<void> {
  const questions = await planQuestions(
    m,
    ctx,
    tally,
    threads.map((t) => t.question),
  );
  const known = new Map(questions.existing);
  questions.fresh.forEach((q, i) => known.set(q.extId, questions.ids[i]!));
  const answers = await planAnswers(
    m,
    ctx,
    tally,
    threads.flatMap((t) => t.answers),
    known,
  );
  const fresh = new Set(questions.ids);
  const state = new Map<string, AnswerState>();
  for (const a of answers) {
    if (!fresh.has(a.questionId)) continue;
    const s = state.get(a.questionId) ?? { count: 0, latest: null };
    s.count += 1;
    if (!s.latest || a.createdAt > s.latest) s.latest = a.createdAt;
    state.set(a.questionId, s);
  }
  await insertQuestions(m, ctx, tally, questions, state);
  const answerIds = await insertAnswers(m, ctx, tally, answers, fresh);
  await writeComments(
    m,
    ctx,
    tally,
    threads.flatMap((t) => t.comments),
  );
  await applyAcceptances(
    m,
    ctx,
    tally,
    threads.flatMap((t) => (t.acceptance ? [t.acceptance] : [])),
    { questions: known, answers: answerIds },
  );
}

/** The thread file for a path: the file itself, or `threads.jsonl` in a folder. */
export function threadsFile(path: string, isDirectory: boolean): string {
  return isDirectory ? join(path, 'threads.jsonl') : path;
}

export async function importJsonl(run: ImportRun, file: string, options: JsonlOptions): Promise<{ usersFile: boolean }> {
  const ctx = run.ctx;
  const usersFile = join(dirname(file), 'users.jsonl');
  const hasUsers = existsSync(usersFile) && basename(file) !== 'users.jsonl';
  if (hasUsers) {
    await run.pass<TextLine, UserRecord>({
      phase: 'users',
      file: usersFile,
      read: (onBytes) => readLines(usersFile, onBytes),
      kind: 'user',
      parse: (line) => {
        if (line.text.trim() === '') return null;
        const at = `users.jsonl line ${line.line}`;
        const u = parseJson(run, 'user', at, line.text);
        if (!u) return null;
        const id = idOf(u.id);
        const name = typeof u.display_name === 'string' ? u.display_name : '';
        if (!id) {
          run.skip('user', 'missing or invalid field(s): id', at);
          return null;
        }
        return { extId: id, displayName: name, reputation: toInt(u.reputation), createdAt: parseDate(u.creation_date), where: at };
      },
      write: (m, tally, items) => writeUsers(m, ctx, tally, items),
    });
  }
  const fileName = basename(file);
  // An original may come after its duplicates in the file (or in an earlier import): links go in last.
  const duplicates: DuplicateRecord[] = [];
  await run.pass<TextLine, Thread>({
    phase: 'threads',
    file,
    read: (onBytes) => readLines(file, onBytes),
    kind: 'question',
    parse: (line) => {
      const thread = parseThread(run, fileName, line, options);
      if (thread?.duplicate) duplicates.push(thread.duplicate);
      return thread;
    },
    weight: (thread) => thread.rows,
    prepare: async (m, threads) => {
      await prepareBodies(
        m,
        ctx,
        'question',
        threads.map((t) => t.question),
      );
      await prepareBodies(
        m,
        ctx,
        'answer',
        threads.flatMap((t) => t.answers),
      );
      await prepareBodies(
        m,
        ctx,
        'comment',
        threads.flatMap((t) => t.comments),
      );
    },
    write: (m, tally, threads) => writeThreads(m, ctx, tally, threads),
  });
  if (duplicates.length > 0) {
    await run.pass<DuplicateRecord, DuplicateRecord>({
      phase: 'duplicates',
      file,
      read: async function* () {
        yield* duplicates;
      },
      kind: 'duplicate',
      parse: (record) => record,
      write: (m, tally, items) => applyDuplicates(m, ctx, tally, items),
    });
  }
  return { usersFile: hasUsers };
}

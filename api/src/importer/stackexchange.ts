import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readXmlRows, type XmlRow } from './input-files';
import {
  parseDate,
  toInt,
  type AcceptanceRecord,
  type AnswerRecord,
  type CommentRecord,
  type DuplicateRecord,
  type Owner,
  type QuestionRecord,
  type TagRecord,
  type UserRecord,
} from './import-model';
import type { ImportRun } from './import-run';
import { applyAcceptances, writeAnswers } from './writer/answers';
import { writeComments } from './writer/comments';
import { prepareBodies } from './writer/context';
import { applyDuplicates } from './writer/duplicates';
import { writeQuestions } from './writer/questions';
import { writeTags } from './writer/tags';
import { writeUsers } from './writer/users';

/**
 * A Stack Exchange data dump (the same format for every site): Tags, Users, then Posts.xml three
 * times — questions, answers (so every answer finds its question, whatever the order in the
 * file), accepted answers — then PostLinks (duplicates) and Comments. Votes.xml and Badges.xml
 * are only counted: the dumps anonymize voters, so scores come from Posts.xml.
 */

export interface StackExchangeOptions {
  /** `https://site/q/{id}`, or null for no link. */
  sourceUrl: string | null;
  /** An explicit licence for every post; otherwise each post's ContentLicense, else the default. */
  license: string | null;
  defaultLicense: string;
}

export interface StackExchangeExtras {
  files: Record<string, boolean>;
  votes: { rows: number; byType: Record<string, number> } | null;
  badges: number | null;
  acceptedInPosts: number;
}

const POST_TYPES: Record<string, string> = {
  '3': 'orphaned tag wiki',
  '4': 'tag wiki excerpt',
  '5': 'tag wiki',
  '6': 'moderator nomination',
  '7': 'wiki placeholder',
  '8': 'privilege wiki',
};

const VOTE_TYPES: Record<string, string> = { '1': 'accepted', '2': 'up', '3': 'down' };

function where(file: string, row: XmlRow): string {
  const id = row.attributes.Id;
  return `${file} line ${row.line}${id ? ` (Id ${id})` : ''}`;
}

function owner(userId: string | undefined, name: string | undefined): Owner {
  return { id: userId && /^-?\d+$/.test(userId) ? userId : null, name: name?.trim() || null };
}

/** `<a><b>` or `|a|b|` → ['a', 'b']. */
export function parseTagList(value: string | undefined): string[] {
  if (!value) return [];
  const bracketed = [...value.matchAll(/<([^<>]+)>/g)].map((m) => m[1]!);
  const names = bracketed.length > 0 ? bracketed : value.split('|');
  return names.map((n) => n.trim()).filter(Boolean);
}

export async function importStackExchange(run: ImportRun, dir: string, options: StackExchangeOptions): Promise<StackExchangeExtras> {
  const file = (name: string) => join(dir, name);
  const files = Object.fromEntries(
    ['Tags.xml', 'Users.xml', 'Posts.xml', 'PostLinks.xml', 'Comments.xml', 'Votes.xml', 'Badges.xml'].map((f) => [f, existsSync(file(f))]),
  );
  const extras: StackExchangeExtras = { files, votes: null, badges: null, acceptedInPosts: 0 };
  const rows = (name: string) => (onBytes: (n: number) => void) => readXmlRows(file(name), onBytes);
  const ctx = run.ctx;

  if (files['Tags.xml']) {
    await run.pass<XmlRow, TagRecord>({
      phase: 'tags',
      file: file('Tags.xml'),
      read: rows('Tags.xml'),
      kind: 'tag',
      parse: (row) => {
        const name = row.attributes.TagName?.trim();
        if (!name) {
          run.skip('tag', 'no TagName', where('Tags.xml', row));
          return null;
        }
        return { name, where: where('Tags.xml', row) };
      },
      write: (m, tally, items) => writeTags(m, ctx, tally, items),
    });
  }

  if (files['Users.xml']) {
    await run.pass<XmlRow, UserRecord>({
      phase: 'users',
      file: file('Users.xml'),
      read: rows('Users.xml'),
      kind: 'user',
      parse: (row) => {
        const a = row.attributes;
        if (!a.Id || !/^-?\d+$/.test(a.Id)) {
          run.skip('user', 'no numeric Id', where('Users.xml', row));
          return null;
        }
        return {
          extId: a.Id,
          displayName: a.DisplayName ?? '',
          reputation: toInt(a.Reputation),
          createdAt: parseDate(a.CreationDate),
          where: where('Users.xml', row),
        };
      },
      write: (m, tally, items) => writeUsers(m, ctx, tally, items),
    });
  } else run.note('Users.xml is missing: authors are kept by the names on their posts');

  const license = (row: XmlRow) => options.license ?? (row.attributes.ContentLicense?.trim() || options.defaultLicense);

  await run.pass<XmlRow, QuestionRecord>({
    phase: 'questions',
    file: file('Posts.xml'),
    read: rows('Posts.xml'),
    kind: 'question',
    parse: (row) => {
      const a = row.attributes;
      const at = where('Posts.xml', row);
      if (a.PostTypeId === '2') return null;
      if (!a.Id || !/^\d+$/.test(a.Id)) {
        run.skip('question', 'no numeric Id', at);
        return null;
      }
      if (a.PostTypeId !== '1') {
        run.skipQuietly(
          'other post',
          `PostTypeId ${a.PostTypeId ?? '?'}${POST_TYPES[a.PostTypeId ?? ''] ? ` (${POST_TYPES[a.PostTypeId!]})` : ''} is neither a question nor an answer`,
        );
        return null;
      }
      const createdAt = parseDate(a.CreationDate);
      const missing = [!a.Title?.trim() && 'Title', a.Body === undefined && 'Body', !createdAt && 'CreationDate'].filter(Boolean);
      if (missing.length > 0) {
        run.skip('question', `missing or invalid ${missing.join(', ')}`, at);
        return null;
      }
      return {
        extId: a.Id,
        where: at,
        title: a.Title!,
        body: { text: a.Body!, format: 'html' },
        tags: parseTagList(a.Tags),
        createdAt: createdAt!,
        lastActivityAt: parseDate(a.LastActivityDate),
        editedAt: parseDate(a.LastEditDate),
        score: toInt(a.Score),
        viewCount: Math.max(0, toInt(a.ViewCount)),
        owner: owner(a.OwnerUserId, a.OwnerDisplayName),
        closed: parseDate(a.ClosedDate) !== null,
        sourceUrl: options.sourceUrl ? options.sourceUrl.replace('{id}', a.Id) : null,
        license: license(row),
      };
    },
    prepare: (m, items) => prepareBodies(m, ctx, 'question', items),
    write: async (m, tally, items) => {
      await writeQuestions(m, ctx, tally, items);
    },
  });

  await run.pass<XmlRow, AnswerRecord>({
    phase: 'answers',
    file: file('Posts.xml'),
    read: rows('Posts.xml'),
    kind: 'answer',
    parse: (row) => {
      const a = row.attributes;
      if (a.PostTypeId !== '2') return null;
      const at = where('Posts.xml', row);
      const createdAt = parseDate(a.CreationDate);
      const missing = [
        !/^\d+$/.test(a.Id ?? '') && 'Id',
        !/^\d+$/.test(a.ParentId ?? '') && 'ParentId',
        a.Body === undefined && 'Body',
        !createdAt && 'CreationDate',
      ].filter(Boolean);
      if (missing.length > 0) {
        run.skip('answer', `missing or invalid ${missing.join(', ')}`, at);
        return null;
      }
      return {
        extId: a.Id!,
        questionExtId: a.ParentId!,
        where: at,
        body: { text: a.Body!, format: 'html' },
        createdAt: createdAt!,
        editedAt: parseDate(a.LastEditDate),
        score: toInt(a.Score),
        owner: owner(a.OwnerUserId, a.OwnerDisplayName),
      };
    },
    prepare: (m, items) => prepareBodies(m, ctx, 'answer', items),
    write: (m, tally, items) => writeAnswers(m, ctx, tally, items),
  });

  await run.pass<XmlRow, AcceptanceRecord>({
    phase: 'accepted',
    file: file('Posts.xml'),
    read: rows('Posts.xml'),
    kind: 'acceptance',
    parse: (row) => {
      const a = row.attributes;
      if (a.PostTypeId !== '1' || !a.AcceptedAnswerId || !/^\d+$/.test(a.Id ?? '')) return null;
      extras.acceptedInPosts += 1;
      return { questionExtId: a.Id!, answerExtId: a.AcceptedAnswerId, where: where('Posts.xml', row) };
    },
    write: (m, tally, items) => applyAcceptances(m, ctx, tally, items),
  });

  if (files['PostLinks.xml']) {
    await run.pass<XmlRow, DuplicateRecord>({
      phase: 'duplicates',
      file: file('PostLinks.xml'),
      read: rows('PostLinks.xml'),
      kind: 'duplicate',
      parse: (row) => {
        const a = row.attributes;
        if (a.LinkTypeId !== '3') {
          run.note('related-post links (LinkTypeId 1) not imported');
          return null;
        }
        if (!/^\d+$/.test(a.PostId ?? '') || !/^\d+$/.test(a.RelatedPostId ?? '')) {
          run.skip('duplicate', 'missing or invalid PostId, RelatedPostId', where('PostLinks.xml', row));
          return null;
        }
        return { questionExtId: a.PostId!, originalExtId: a.RelatedPostId!, where: where('PostLinks.xml', row) };
      },
      write: (m, tally, items) => applyDuplicates(m, ctx, tally, items),
    });
  }

  if (files['Comments.xml']) {
    await run.pass<XmlRow, CommentRecord>({
      phase: 'comments',
      file: file('Comments.xml'),
      read: rows('Comments.xml'),
      kind: 'comment',
      parse: (row) => {
        const a = row.attributes;
        const at = where('Comments.xml', row);
        const createdAt = parseDate(a.CreationDate);
        const missing = [
          !/^\d+$/.test(a.Id ?? '') && 'Id',
          !/^\d+$/.test(a.PostId ?? '') && 'PostId',
          a.Text === undefined && 'Text',
          !createdAt && 'CreationDate',
        ].filter(Boolean);
        if (missing.length > 0) {
          run.skip('comment', `missing or invalid ${missing.join(', ')}`, at);
          return null;
        }
        // Comment text in the dumps is the comment's mini-Markdown source already.
        return {
          extId: a.Id!,
          postExtId: a.PostId!,
          on: 'post',
          where: at,
          body: { text: a.Text!, format: 'markdown' },
          createdAt: createdAt!,
          owner: owner(a.UserId, a.UserDisplayName),
        };
      },
      prepare: (m, items) => prepareBodies(m, ctx, 'comment', items),
      write: (m, tally, items) => writeComments(m, ctx, tally, items),
    });
  }

  if (files['Votes.xml']) {
    const byType: Record<string, number> = {};
    const total = await run.count('votes', file('Votes.xml'), rows('Votes.xml'), (row) => {
      const type = VOTE_TYPES[row.attributes.VoteTypeId ?? ''] ?? 'other';
      byType[type] = (byType[type] ?? 0) + 1;
    });
    extras.votes = { rows: total, byType };
  }
  if (files['Badges.xml']) extras.badges = await run.count('badges', file('Badges.xml'), rows('Badges.xml'), () => undefined);
  return extras;
}

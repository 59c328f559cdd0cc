import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a small Stack Exchange data dump (the official XML format) for tests and demos:
 * 3 users, 3 tags, 5 questions (accepted, closed as duplicate — one of a duplicate —, owner known
 * only by name, no owner), 5 answers (one whose question is missing, one by an unknown user, one listed before
 * its question), comments (one on a missing post), post links, votes and a badge.
 */

/** An XML attribute value as the Stack Exchange dumps write it. */
function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#xA;');
}

export function xml(root: string, rows: Record<string, string | number>[]): string {
  const lines = rows.map(
    (r) =>
      `  <row ${Object.entries(r)
        .map(([k, v]) => `${k}="${attr(String(v))}"`)
        .join(' ')} />`,
  );
  return `\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<${root}>\n${lines.join('\n')}\n</${root}>\n`;
}

const QUESTION_HTML =
  '<p>My wallet shows <code>0 ADA</code> after sync. See <a href="/questions/9">this</a> and <a href="https://docs.cardano.org/x">the docs</a>.</p>\n' +
  '<pre class="lang-bash"><code>cardano-cli query utxo --address addr1\n</code></pre>\n' +
  '<ul><li><em>first</em> step</li><li><strong>second</strong> step</li></ul>\n<blockquote><p>quoted text</p></blockquote>\n' +
  '<script>alert(1)</script><style>p{}</style><marquee>unknown tag text</marquee>';

/** A small dump: 3 users, tags, 5 questions (accepted, duplicate, closed, no owner, unknown owner), 4 answers, comments, links. */
export function writeSampleDump(dir: string, options: { truncatePosts?: boolean } = {}): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'Users.xml'),
    xml('users', [
      { Id: -1, Reputation: 1, CreationDate: '2021-01-01T00:00:00.000', DisplayName: 'Community' },
      { Id: 10, Reputation: 1234, CreationDate: '2021-02-03T04:05:06.789', DisplayName: 'Alice Asker' },
      { Id: 11, Reputation: 56, CreationDate: '2021-02-04T00:00:00.000', DisplayName: 'Bob Builder' },
    ]),
  );
  writeFileSync(
    join(dir, 'Tags.xml'),
    xml('tags', [
      { Id: 1, TagName: 'wallet', Count: 2 },
      { Id: 2, TagName: 'c++', Count: 1 },
      { Id: 3, TagName: 'Plutus_Core', Count: 1 },
    ]),
  );
  const posts: Record<string, string | number>[] = [
    {
      Id: 1,
      PostTypeId: 1,
      AcceptedAnswerId: 3,
      CreationDate: '2021-05-01T10:00:00.000',
      Score: 7,
      ViewCount: 120,
      Body: QUESTION_HTML,
      OwnerUserId: 10,
      LastActivityDate: '2021-05-03T00:00:00.000',
      Title: 'Why does my wallet show zero ADA after sync?',
      Tags: '<wallet><c++>',
      AnswerCount: 2,
      ContentLicense: 'CC BY-SA 4.0',
    },
    {
      Id: 2,
      PostTypeId: 1,
      CreationDate: '2021-05-02T10:00:00.000',
      Score: 1,
      ViewCount: 5,
      Body: '<p>Same as before, wallet is empty.</p>',
      OwnerUserId: 11,
      Title: 'Wallet empty after syncing, why?',
      Tags: '|wallet|',
      ClosedDate: '2021-05-02T12:00:00.000',
      ContentLicense: 'CC BY-SA 3.0',
    },
    // Answers come before their question here, on purpose: the second pass must still place them.
    {
      Id: 5,
      PostTypeId: 2,
      ParentId: 6,
      CreationDate: '2021-05-05T10:00:00.000',
      Score: 0,
      Body: '<p>Answer to a later question.</p>',
      OwnerUserId: 10,
    },
    {
      Id: 3,
      PostTypeId: 2,
      ParentId: 1,
      CreationDate: '2021-05-01T11:00:00.000',
      Score: 12,
      Body: '<p>Wait for the node to <strong>fully</strong> sync.</p>',
      OwnerUserId: 11,
    },
    {
      Id: 4,
      PostTypeId: 2,
      ParentId: 1,
      CreationDate: '2021-05-01T12:00:00.000',
      Score: -1,
      Body: '<p>Reinstall everything.</p>',
      OwnerUserId: 77,
    },
    {
      Id: 6,
      PostTypeId: 1,
      CreationDate: '2021-05-04T10:00:00.000',
      Score: 0,
      ViewCount: 3,
      Body: '<p>Plutus question body here.</p>',
      OwnerDisplayName: 'user2878',
      Title: 'How do I compile a Plutus script?',
      Tags: '<Plutus_Core>',
    },
    {
      Id: 7,
      PostTypeId: 1,
      CreationDate: '2021-05-06T10:00:00.000',
      Score: 2,
      ViewCount: 9,
      Body: '<p>Nobody answered this yet.</p>',
      Title: 'An unanswered question without owner',
    },
    {
      Id: 8,
      PostTypeId: 2,
      ParentId: 999,
      CreationDate: '2021-05-06T11:00:00.000',
      Score: 0,
      Body: '<p>Orphan answer.</p>',
      OwnerUserId: 10,
    },
    { Id: 9, PostTypeId: 4, CreationDate: '2021-05-06T11:00:00.000', Body: '<p>tag excerpt</p>' },
    {
      Id: 10,
      PostTypeId: 1,
      CreationDate: '2021-05-07T10:00:00.000',
      Score: 0,
      Body: '<p>Another one.</p>',
      OwnerUserId: 10,
      Title: 'A last question with an answer',
      Tags: '<wallet>',
    },
    {
      Id: 11,
      PostTypeId: 2,
      ParentId: 10,
      CreationDate: '2021-05-07T11:00:00.000',
      Score: 3,
      Body: '<p>The last answer.</p>',
      OwnerUserId: 11,
    },
  ];
  let postsXml = xml('posts', posts);
  if (options.truncatePosts) postsXml = postsXml.slice(0, postsXml.indexOf('<row Id="10"') + 60);
  writeFileSync(join(dir, 'Posts.xml'), postsXml);
  writeFileSync(
    join(dir, 'Comments.xml'),
    xml('comments', [
      { Id: 100, PostId: 1, Score: 0, Text: 'Which wallet do you use?', CreationDate: '2021-05-01T10:30:00.000', UserId: 11 },
      { Id: 101, PostId: 3, Score: 2, Text: 'This worked for me, **thanks**.', CreationDate: '2021-05-01T13:00:00.000', UserId: 10 },
      { Id: 102, PostId: 4242, Score: 0, Text: 'On a deleted post.', CreationDate: '2021-05-01T13:00:00.000', UserId: 10 },
      {
        Id: 103,
        PostId: 6,
        Score: 0,
        Text: 'Comment by a deleted account.',
        CreationDate: '2021-05-04T13:00:00.000',
        UserDisplayName: 'gone',
      },
    ]),
  );
  writeFileSync(
    join(dir, 'PostLinks.xml'),
    xml('postlinks', [
      { Id: 1, CreationDate: '2021-05-02T12:00:00.000', PostId: 2, RelatedPostId: 1, LinkTypeId: 3 },
      { Id: 2, CreationDate: '2021-05-02T12:00:00.000', PostId: 6, RelatedPostId: 1, LinkTypeId: 1 },
      { Id: 3, CreationDate: '2021-05-02T12:00:00.000', PostId: 555, RelatedPostId: 1, LinkTypeId: 3 },
      // A duplicate of a duplicate points to the original; a link back would close a loop.
      { Id: 4, CreationDate: '2021-05-08T12:00:00.000', PostId: 10, RelatedPostId: 2, LinkTypeId: 3 },
      { Id: 5, CreationDate: '2021-05-08T12:00:00.000', PostId: 1, RelatedPostId: 2, LinkTypeId: 3 },
    ]),
  );
  writeFileSync(
    join(dir, 'Votes.xml'),
    xml('votes', [
      { Id: 1, PostId: 1, VoteTypeId: 2, CreationDate: '2021-05-01T00:00:00.000' },
      { Id: 2, PostId: 3, VoteTypeId: 1, CreationDate: '2021-05-01T00:00:00.000' },
      { Id: 3, PostId: 4, VoteTypeId: 3, CreationDate: '2021-05-01T00:00:00.000' },
    ]),
  );
  writeFileSync(
    join(dir, 'Badges.xml'),
    xml('badges', [{ Id: 1, UserId: 10, Name: 'Teacher', Date: '2021-05-01T00:00:00.000', Class: 3, TagBased: 'False' }]),
  );
}

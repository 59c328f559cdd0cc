import type { EntityManager } from 'typeorm';
import type { Kind, Owner, Tally, UserRecord } from '../import-model';
import {
  type WriterContext,
  PLACEHOLDER_KEY,
  PLACEHOLDER_NAME,
  unique,
  line,
  lookupRefs,
  insertRefs,
  allocateIds,
  insertRows,
  dedupe,
  splitExisting,
} from './context';

export async function writeUsers(m: EntityManager, ctx: WriterContext, tally: Tally, input: UserRecord[]): Promise<void> {
  const records = dedupe(tally, 'user', input, (r) => r.extId);
  const { fresh } = await splitExisting(m, ctx, tally, 'user', records);
  const ids = await allocateIds(m, 'users', fresh.length);
  await insertRows(
    m,
    'users',
    { id: 'bigint', display_name: 'text', reputation: 'integer', imported_from: 'text', created_at: 'timestamptz' },
    fresh.map((r, i) => ({
      id: ids[i],
      display_name: line(r.displayName, 80) || `User ${r.extId}`.slice(0, 80),
      reputation: r.reputation,
      imported_from: ctx.source,
      created_at: (r.createdAt ?? new Date()).toISOString(),
    })),
  );
  await insertRefs(
    m,
    ctx.source,
    'user',
    fresh.map((r, i) => [r.extId, ids[i]!]),
  );
  tally.imported('user', fresh.length);
}

/**
 * Finds the accounts for post authors: by source id; else (unknown or absent id) an account per
 * display name, else the source's "Deleted user" placeholder. With `createMissingUsers`, an
 * unknown id becomes a new account under the name the post gives.
 */
export async function resolveOwners(
  m: EntityManager,
  ctx: WriterContext,
  tally: Tally,
  posts: { owner: Owner; where: string }[],
  kind: Kind,
): Promise<string[]> {
  const byId = await lookupRefs(
    m,
    ctx.source,
    'user',
    posts.flatMap((p) => (p.owner.id ? [p.owner.id] : [])),
  );
  const keys: string[] = [];
  const names = new Map<string, string>();
  for (const { owner, where } of posts) {
    const name = owner.name ? line(owner.name, 80) : '';
    let key: string;
    if (owner.id && byId.has(owner.id)) key = owner.id;
    else if (owner.id && ctx.createMissingUsers) key = owner.id;
    else {
      key = name ? `name:${name}` : PLACEHOLDER_KEY;
      if (owner.id) {
        tally.note(
          name ? 'authors unknown in the users file, kept by name' : `authors unknown in the users file, shown as "${PLACEHOLDER_NAME}"`,
        );
        tally.warn(
          `${kind}: unknown author`,
          `${where}: ${kind} author ${owner.id} is not in the users file; shown as "${name || PLACEHOLDER_NAME}"`,
        );
      } else
        tally.note(
          name
            ? 'posts and comments without an account, kept under the name given'
            : `posts and comments without an author, shown as "${PLACEHOLDER_NAME}"`,
        );
    }
    keys.push(key);
    if (!names.has(key)) names.set(key, key === PLACEHOLDER_KEY ? PLACEHOLDER_NAME : name || `User ${key}`);
  }
  const ids = new Map(byId);
  const others = unique(keys.filter((k) => !ids.has(k)));
  for (const [k, v] of await lookupRefs(m, ctx.source, 'user', others)) ids.set(k, v);
  const missing = others.filter((k) => !ids.has(k));
  if (missing.length > 0) {
    const newIds = await allocateIds(m, 'users', missing.length);
    await insertRows(
      m,
      'users',
      { id: 'bigint', display_name: 'text', imported_from: 'text' },
      missing.map((k, i) => ({ id: newIds[i], display_name: names.get(k)!.slice(0, 80), imported_from: ctx.source })),
    );
    const pairs = missing.map((k, i): [string, string] => [k, newIds[i]!]);
    await insertRefs(m, ctx.source, 'user', pairs);
    for (const [k, id] of pairs) ids.set(k, id);
    tally.imported('user', missing.length);
  }
  return keys.map((k) => ids.get(k)!);
}

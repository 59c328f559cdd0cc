import { toSlug } from '../../platform/slug';
import type { EntityManager } from 'typeorm';
import type { Tally, TagRecord } from '../import-model';
import { type WriterContext, sql, unique, lookupRefs, insertRefs } from './context';

/** A tag name as a valid slug (`^[a-z0-9][a-z0-9-]*$`, at most 30 characters), or '' when nothing usable is left. */
export function tagSlug(name: string): string {
  const spelled = name.trim().replace(/\+\+/g, 'pp').replace(/#/g, 'sharp').replace(/^\./, 'dot');
  return toSlug(spelled, 30);
}

/** Maps source tag names to tag ids, creating tags (by slug, shared with the rest of the community) as needed. */
export async function resolveTags(m: EntityManager, ctx: WriterContext, tally: Tally, tags: TagRecord[]): Promise<Map<string, string>> {
  const names = unique(tags.map((t) => t.name));
  const ids = await lookupRefs(m, ctx.source, 'tag', names);
  const missing = names.filter((n) => !ids.has(n));
  if (missing.length === 0) return ids;
  const slugOf = new Map(missing.map((n) => [n, tagSlug(n)]));
  const slugs = unique([...slugOf.values()].filter(Boolean));
  const created = new Set<string>();
  const bySlug = new Map<string, string>();
  if (slugs.length > 0) {
    for (const row of await sql<{ id: string; slug: string }>(
      m,
      `INSERT INTO tags (slug) SELECT unnest($1::text[]) ON CONFLICT (slug) DO NOTHING RETURNING id, slug`,
      [slugs],
    )) {
      bySlug.set(row.slug, row.id);
      created.add(row.slug);
    }
    const existing = slugs.filter((s) => !bySlug.has(s));
    if (existing.length > 0) {
      for (const row of await sql<{ id: string; slug: string }>(m, `SELECT id, slug FROM tags WHERE slug = ANY($1::text[])`, [existing]))
        bySlug.set(row.slug, row.id);
    }
  }
  const pairs: [string, string][] = [];
  for (const name of missing) {
    const slug = slugOf.get(name)!;
    const id = slug ? bySlug.get(slug) : undefined;
    if (!id) {
      tally.skip('tag', 'no letters or digits to make a tag of', tags.find((t) => t.name === name)!.where, JSON.stringify(name));
      continue;
    }
    pairs.push([name, id]);
    ids.set(name, id);
    if (created.delete(slug)) tally.imported('tag');
    else tally.present('tag');
  }
  await insertRefs(m, ctx.source, 'tag', pairs);
  return ids;
}

export async function writeTags(m: EntityManager, ctx: WriterContext, tally: Tally, records: TagRecord[]): Promise<void> {
  const known = await lookupRefs(
    m,
    ctx.source,
    'tag',
    records.map((r) => r.name),
  );
  tally.present('tag', records.filter((r) => known.has(r.name)).length);
  await resolveTags(
    m,
    ctx,
    tally,
    records.filter((r) => !known.has(r.name)),
  );
}

import type { DataSource } from 'typeorm';
import type { SearchIndex } from './search-index';
import { loadSearchDocuments } from './search-documents';

const BATCH = 500;

export interface ReindexProgress {
  (done: number, total: number): void;
}

/** Rebuilds the index from the database, in id order and batches; returns how many threads went in. */
export async function reindexAll(dataSource: DataSource, index: SearchIndex, progress: ReindexProgress = () => undefined): Promise<number> {
  const [row]: { total: number }[] = await dataSource.query(`SELECT count(*)::int AS total FROM questions`);
  const total = row?.total ?? 0;
  await index.clear();
  let after = '0';
  let done = 0;
  progress(0, total);
  for (;;) {
    const rows: { id: string }[] = await dataSource.query(`SELECT id FROM questions WHERE id > $1 ORDER BY id LIMIT ${BATCH}`, [after]);
    if (rows.length === 0) {
      await index.settle?.();
      return done;
    }
    const { documents } = await loadSearchDocuments(
      dataSource,
      rows.map((r) => r.id),
    );
    await index.upsert(documents);
    done += documents.length;
    after = rows.at(-1)!.id;
    progress(done, total);
  }
}

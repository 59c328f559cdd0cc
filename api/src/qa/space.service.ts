import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pageSize } from '../platform/pagination';
import type { SpaceModel, TagModel } from './models/qa.models';
import { SpaceEntity } from './space.entity';

@Injectable()
export class SpaceService {
  constructor(private readonly dataSource: DataSource) {}

  all(): Promise<SpaceModel[]> {
    return this.dataSource.getRepository(SpaceEntity).find({ order: { position: 'ASC', name: 'ASC' } });
  }

  bySlug(slug: string): Promise<SpaceModel | null> {
    return this.dataSource.getRepository(SpaceEntity).findOneBy({ slug });
  }

  /** Most used first, counting published questions only (the count each tag shows). */
  async tags(first: number): Promise<TagModel[]> {
    return this.dataSource.query(
      `SELECT t.id, t.slug FROM tags t
         LEFT JOIN question_tags qt ON qt.tag_id = t.id
         LEFT JOIN questions q ON q.id = qt.question_id AND q.moderation_state = 'published'
        GROUP BY t.id ORDER BY count(q.id) DESC, t.slug LIMIT $1`,
      [pageSize(first, 50)],
    );
  }

  async tagBySlug(slug: string): Promise<TagModel | null> {
    const [row]: TagModel[] = await this.dataSource.query(`SELECT id, slug FROM tags WHERE slug = $1`, [slug]);
    return row ?? null;
  }
}

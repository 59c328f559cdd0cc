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

  async tags(first: number): Promise<TagModel[]> {
    return this.dataSource.query(
      `SELECT t.id, t.slug FROM tags t LEFT JOIN question_tags qt ON qt.tag_id = t.id
        GROUP BY t.id ORDER BY count(qt.question_id) DESC, t.slug LIMIT $1`,
      [pageSize(first, 50)],
    );
  }
}

import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import type { RequestContext } from '../platform/graphql/request-context';
import { UserModel } from './models/user.model';
import { UserEntity } from './user.entity';

const USERS_BY_ID = Symbol('usersById');

@Injectable()
export class UserService {
  constructor(private readonly dataSource: DataSource) {}

  /** Batched per request: a thread page loads all its authors in one query. */
  load(ctx: RequestContext, id: string): Promise<UserModel | null> {
    return ctx.loader(USERS_BY_ID, () => new DataLoader<string, UserModel | null>((ids) => this.byIds(ids))).load(id);
  }

  async byIds(ids: readonly string[]): Promise<(UserModel | null)[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({
      where: { id: In([...ids]) },
      select: { id: true, displayName: true, role: true, trustLevel: true, reputation: true, createdAt: true },
    });
    const byId = new Map(users.map((u) => [u.id, UserModel.from(u)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  findEntity(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }
}

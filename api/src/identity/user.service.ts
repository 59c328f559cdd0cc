import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { fieldError } from '../platform/errors';
import type { RequestContext } from '../platform/graphql/request-context';
import { isId } from '../platform/ids';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../platform/pagination';
import { UserModel, type UserConnection } from './models/user.model';
import { UserEntity } from './user.entity';

const USERS_BY_ID = Symbol('usersById');

type ViewerRow = Pick<UserEntity, 'id' | 'email' | 'displayName' | 'role' | 'emailVerifiedAt'>;

@Injectable()
export class UserService {
  constructor(private readonly dataSource: DataSource) {}

  /** Batched per request: a thread page loads all its authors in one query. */
  load(ctx: RequestContext, id: string): Promise<UserModel | null> {
    return ctx.loader(USERS_BY_ID, () => new DataLoader<string, UserModel | null>((ids) => this.byIds(ids))).load(id);
  }

  async byIds(ids: readonly string[]): Promise<(UserModel | null)[]> {
    // One text for any number of ids (an IN list would be a new statement for each count; see prepared-statements.ts).
    const users: Pick<UserEntity, 'id' | 'displayName' | 'role' | 'trustLevel' | 'reputation' | 'createdAt'>[] =
      await this.dataSource.query(
        `SELECT id, display_name AS "displayName", role, trust_level AS "trustLevel", reputation, created_at AS "createdAt"
         FROM users WHERE id = ANY($1::bigint[])`,
        [ids],
      );
    const byId = new Map(users.map((u) => [String(u.id), UserModel.from(u)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** The user directory: public fields only (never e-mail), keyset-paged by reputation and id. */
  async directory(
    first: number | null | undefined,
    after: string | null | undefined,
    name: string | null | undefined,
  ): Promise<UserConnection> {
    const size = pageSize(first, 30);
    const query = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.displayName', 'u.role', 'u.trustLevel', 'u.reputation', 'u.createdAt']);
    const needle = name?.trim().slice(0, 80);
    if (needle) query.andWhere(`u.displayName ILIKE :name ESCAPE '\\'`, { name: `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const cursor = decodeCursor(after, 2);
    if (cursor) {
      if (!Number.isInteger(cursor[0]) || typeof cursor[1] !== 'string' || !isId(cursor[1]))
        throw fieldError('after', 'invalid', 'The cursor is not valid; start again from the first page.');
      query.andWhere('(u.reputation, u.id) < (:reputation, :id)', { reputation: cursor[0], id: cursor[1] });
    }
    const rows = await query
      .orderBy('u.reputation', 'DESC')
      .addOrderBy('u.id', 'DESC')
      .limit(size + 1)
      .getMany();
    const page = toPage(rows, size);
    const edges = page.nodes.map((u) => ({ cursor: encodeCursor([u.reputation, u.id]), node: UserModel.from(u) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** What the signed-in viewer's own header needs, without the rest of the row (password hash, settings). */
  async viewer(id: string): Promise<ViewerRow | null> {
    const [row]: ViewerRow[] = await this.dataSource.query(
      `SELECT id, email, display_name AS "displayName", role, email_verified_at AS "emailVerifiedAt" FROM users WHERE id = $1`,
      [id],
    );
    return row ? { ...row, id: String(row.id) } : null;
  }
}

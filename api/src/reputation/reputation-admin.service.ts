import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { UserModel } from '../identity/models/user.model';
import { authorize, type Actor } from '../identity/policy';
import { UserService } from '../identity/user.service';
import { fieldError, notFound } from '../platform/errors';
import { parseId } from '../platform/ids';
import type { PinTrustLevelInput, UpdateReputationSettingsInput } from './dto/reputation.inputs';
import type { ReputationSettingsModel } from './models/reputation.models';
import { DEFAULT_VALUES, ReputationSettings, validateValues, type ReputationValues } from './reputation-settings';
import { CONFIGURABLE_KINDS, KIND_RULES } from './reputation-kinds';
import { ReputationService } from './reputation.service';
import { MAX_TRUST_LEVEL } from './trust-levels';

const toModel = (values: ReputationValues): ReputationSettingsModel => ({
  dailyVoteCap: values.dailyVoteCap,
  values: CONFIGURABLE_KINDS.map((kind) => ({
    kind,
    points: values.points[kind],
    defaultPoints: DEFAULT_VALUES.points[kind],
    min: KIND_RULES[kind].range[0],
    max: KIND_RULES[kind].range[1],
  })),
});

/** Admin and staff use cases: reputation values, pinned trust levels. */
@Injectable()
export class ReputationAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ReputationSettings,
    private readonly reputation: ReputationService,
    private readonly users: UserService,
    private readonly audit: AuditLogService,
  ) {}

  async settingsFor(actor: Actor | null): Promise<ReputationSettingsModel> {
    authorize(actor, 'reputation.configure', undefined);
    return toModel(await this.settings.current(this.dataSource.manager));
  }

  async updateSettings(actor: Actor | null, input: UpdateReputationSettingsInput): Promise<ReputationSettingsModel> {
    authorize(actor, 'reputation.configure', undefined);
    const values = validateValues(input);
    await this.dataSource.transaction((manager) => this.settings.save(manager, values, actor.id));
    return toModel(values);
  }

  /** Pins (0–4) or releases (null) a user's trust level; releasing re-evaluates it from their figures at once. */
  async pinTrustLevel(actor: Actor | null, input: PinTrustLevelInput): Promise<UserModel> {
    authorize(actor, 'user.pinTrustLevel', undefined);
    const userId = parseId(input.userId, 'User');
    if (input.level !== null && (!Number.isInteger(input.level) || input.level < 0 || input.level > MAX_TRUST_LEVEL)) {
      throw fieldError('level', 'out_of_range', `A trust level is a whole number from 0 to ${MAX_TRUST_LEVEL}.`);
    }
    await this.dataSource.transaction(async (manager) => {
      const [, updated]: [unknown, number] = await manager.query(
        `UPDATE users SET pinned_trust_level = $2::smallint, trust_level = coalesce($2::smallint, 0) WHERE id = $1`,
        [userId, input.level],
      );
      if (updated === 0) throw notFound('User');
      await this.reputation.evaluate(manager, [userId]);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: input.level === null ? 'user.trustLevelReleased' : 'user.trustLevelPinned',
        subjectType: 'user',
        subjectId: userId,
        details: { level: input.level },
      });
    });
    return (await this.users.byIds([userId]))[0]!;
  }
}

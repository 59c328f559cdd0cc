import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ROLES = ['member', 'moderator', 'agent', 'admin'] as const;
export type Role = (typeof ROLES)[number];

@Entity('users')
@Check('users_role_check', `"role" IN ('member', 'moderator', 'agent', 'admin')`)
@Check('users_trust_level_check', `"trust_level" BETWEEN 0 AND 4`)
@Check('users_pinned_trust_level_check', `"pinned_trust_level" BETWEEN 0 AND 4`)
@Index('users_reputation_idx', ['reputation', 'id'])
export class UserEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** Stored lower-cased; null for imported, unclaimed accounts. */
  @Index('users_email_key', { unique: true })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ name: 'display_name', type: 'varchar', length: 80 })
  displayName: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 16, default: 'member' })
  role: Role;

  @Column({ name: 'trust_level', type: 'smallint', default: 0 })
  trustLevel: number;

  @Column({ type: 'integer', default: 0 })
  reputation: number;

  /** Set by staff: the trust level stays here whatever the user earns or loses. */
  @Column({ name: 'pinned_trust_level', type: 'smallint', nullable: true })
  pinnedTrustLevel: number | null;

  /** Set for accounts created by an import (unclaimed: no e-mail, no password). */
  @Column({ name: 'imported_from', type: 'varchar', length: 120, nullable: true })
  importedFrom: string | null;

  /** While in the future, the user cannot post, vote or flag (set by moderators). */
  @Column({ name: 'suspended_until', type: 'timestamptz', nullable: true })
  suspendedUntil: Date | null;

  /**
   * When the owner proved the address is theirs; notification mail goes only to verified addresses.
   * Defaults to the creation time because every other way of creating an account (demo seed,
   * import, `create-admin`) is run by the operator, who vouches for it; sign-up writes NULL.
   */
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true, default: () => 'now()' })
  emailVerifiedAt: Date | null;

  /** Set when the owner deleted the account: personal data erased, public posts kept under "deleted user". */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

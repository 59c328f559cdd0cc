import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword, passwordWeakness } from './password';

export interface CreateAdminResult {
  email: string;
  created: boolean;
  generatedPassword?: string;
}

/** Creates an admin, or promotes an existing account (keeping its password unless one is given). */
export async function createAdmin(
  dataSource: DataSource,
  input: { email: string; displayName: string; password?: string },
): Promise<CreateAdminResult> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email)) throw new Error(`"${input.email}" is not a valid e-mail address.`);
  const displayName = input.displayName.trim();
  if (displayName.length < 2 || displayName.length > 40) throw new Error('The display name needs 2 to 40 characters.');
  const generated = input.password ? undefined : randomBytes(18).toString('base64url');
  const password = input.password ?? generated!;
  const weakness = passwordWeakness(password, [email.split('@')[0] ?? '', displayName]);
  if (weakness) throw new Error(`The password is too weak: ${weakness}`);
  const hash = await hashPassword(password);
  const rows: { created: boolean }[] = await dataSource.query(
    `INSERT INTO users (email, display_name, password_hash, role, trust_level) VALUES ($1, $2, $3, 'admin', 4)
     ON CONFLICT (email) DO UPDATE SET role = 'admin', trust_level = 4,
       password_hash = CASE WHEN $4 THEN EXCLUDED.password_hash ELSE users.password_hash END
     RETURNING (xmax = 0) AS created`,
    [email, displayName, hash, input.password !== undefined],
  );
  const created = rows[0]!.created;
  return { email, created, ...(generated && created ? { generatedPassword: generated } : {}) };
}

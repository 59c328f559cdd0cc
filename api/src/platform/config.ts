import { resolve } from 'node:path';

/** The validated configuration; also the DI token through which services read it. */
export abstract class AppConfig {
  /** Unset: an embedded PostgreSQL is started with its data in `dataDir`. */
  declare readonly databaseUrl: string | undefined;
  declare readonly dataDir: string;
  declare readonly embeddedPostgresPort: number;
  declare readonly apiPort: number;
  /** Interface the api listens on; 0.0.0.0 in containers. */
  declare readonly apiHost: string;
  declare readonly webPort: number;
  declare readonly publicUrl: string;
  /** Which proxies may tell the client address (Express `trust proxy`); the web app is one. */
  declare readonly trustProxy: string;
  declare readonly demoCommunity: boolean;
  /** Unset: PostgreSQL full-text search. Set: Meilisearch at this URL. */
  declare readonly meiliUrl: string | undefined;
  declare readonly meiliKey: string | undefined;
  /**
   * Unset: uploaded images are kept in PostgreSQL. Set: in this S3-compatible bucket, addressed path-style,
   * `https://ACCESS_KEY:SECRET@host/bucket[/prefix]` (region from `?region=`, else taken from the host).
   */
  declare readonly uploadsS3Url: string | undefined;
  /** Unset: live updates stay within this process. Set: they reach every api process through Redis pub/sub. */
  declare readonly redisUrl: string | undefined;
  /** Run the search indexer (outbox consumer) in this process. */
  declare readonly searchWorker: boolean;
  /** Run the notifications worker (outbox consumer that writes in-app notifications) in this process. */
  declare readonly notificationWorker: boolean;
  /** Run the tone roll-up (outbox consumer) and spike detection in this process. */
  declare readonly monitoringWorker: boolean;
  /** Keeps the insights roll-ups current from the outbox and the ledger (INSIGHTS_WORKER, default on). */
  declare readonly insightsWorker: boolean;
  /** Unset: mail is kept for admins to read (/admin/mail), not delivered. Set: sent through this SMTP server. */
  declare readonly smtpUrl: string | undefined;
  /** The sender of notification mail. */
  declare readonly mailFrom: string;
  /** Mail waits this long after its notification, and is not sent if it was read in the app meanwhile. */
  declare readonly mailDelaySeconds: number;
  /** The first retry after a failed delivery; each further one waits twice as long (at most an hour). */
  declare readonly mailRetryBaseMs: number;
  declare readonly sessionTtlDays: number;
  /** Searches and similar-question look-ups per client and minute, each; 0 turns the limit off (benchmarks). */
  declare readonly searchRateLimit: number;
  /** Longest run of one SQL statement before PostgreSQL cancels it; 0 turns the bound off. */
  declare readonly statementTimeoutMs: number;
  /** Repeated SQL runs as named prepared statements (planned once per connection); off for a pooler that cannot keep them. */
  declare readonly preparedStatements: boolean;
  /** The company behind the community, named in the "verified by …" seal on answers. */
  declare readonly companyName: string;
  declare readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  declare readonly logFormat: 'json' | 'pretty';
  declare readonly production: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

/** The host name of the public URL, for the default sender address. */
function mailHost(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname;
  } catch {
    return 'localhost';
  }
}

/** Reads and validates the whole configuration at once, listing every problem. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const port = (name: string, fallback: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
      problems.push(`${name} must be a port number between 1 and 65535 (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = read(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = oneOf(name, ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'] as const, fallback ? 'true' : 'false');
    return ['true', '1', 'yes', 'on'].includes(raw);
  };

  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const redisUrl = read('REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\/[^/]+/.test(redisUrl)) problems.push('REDIS_URL must be a redis:// or rediss:// URL');
  const uploadsS3Url = read('UPLOADS_S3_URL');
  if (uploadsS3Url !== undefined && !/^https?:\/\/[^:@/]+:[^@/]+@[^/]+\/[^/?]+/.test(uploadsS3Url)) {
    problems.push('UPLOADS_S3_URL must be an http(s) URL with access key, secret and bucket: https://KEY:SECRET@host/bucket');
  }
  const webPort = port('WEB_PORT', 3000);
  const publicUrl = read('PUBLIC_URL') ?? `http://localhost:${webPort}`;
  if (!/^https?:\/\/[^/]+/.test(publicUrl)) problems.push(`PUBLIC_URL must be an http(s) URL (got "${publicUrl}")`);
  const ttlRaw = read('SESSION_TTL_DAYS');
  const sessionTtlDays = ttlRaw === undefined ? 30 : Number(ttlRaw);
  if (!Number.isFinite(sessionTtlDays) || sessionTtlDays <= 0 || sessionTtlDays > 365) {
    problems.push('SESSION_TTL_DAYS must be a number of days between 1 and 365');
  }
  const smtpUrl = read('SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
  const production = read('NODE_ENV') === 'production';
  const count = (name: string, fallback: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > max) {
      problems.push(`${name} must be a whole number between 0 and ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };

  const config: AppConfig = {
    databaseUrl,
    dataDir: resolve(read('DATA_DIR') ?? '.data'),
    embeddedPostgresPort: port('EMBEDDED_PG_PORT', 54329),
    apiPort: port('API_PORT', 4000),
    apiHost: read('API_HOST') ?? '127.0.0.1',
    webPort,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    trustProxy: read('TRUST_PROXY') ?? 'loopback',
    demoCommunity: flag('DEMO_COMMUNITY', true),
    meiliUrl: read('MEILI_URL'),
    meiliKey: read('MEILI_KEY'),
    redisUrl,
    uploadsS3Url,
    searchWorker: flag('SEARCH_WORKER', true),
    notificationWorker: flag('NOTIFICATION_WORKER', true),
    monitoringWorker: flag('MONITORING_WORKER', true),
    insightsWorker: flag('INSIGHTS_WORKER', true),
    smtpUrl,
    mailFrom: read('MAIL_FROM') ?? `Peerdesk <no-reply@${mailHost(publicUrl)}>`,
    mailDelaySeconds: count('MAIL_DELAY_SECONDS', 60, 86_400),
    mailRetryBaseMs: count('MAIL_RETRY_BASE_MS', 5_000, 3_600_000),
    sessionTtlDays,
    searchRateLimit: count('SEARCH_RATE_LIMIT', 60, 1_000_000),
    statementTimeoutMs: count('STATEMENT_TIMEOUT_MS', 10_000, 3_600_000),
    preparedStatements: flag('PG_PREPARED_STATEMENTS', true),
    companyName: read('COMPANY_NAME') ?? 'Fennwatt',
    logLevel: oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    logFormat: oneOf('LOG_FORMAT', ['json', 'pretty'] as const, production ? 'json' : 'pretty'),
    production,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

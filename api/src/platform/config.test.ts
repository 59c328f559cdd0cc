import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('falls back to the embedded defaults', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.apiPort).toBe(4000);
    expect(config.webPort).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.demoCommunity).toBe(true);
    expect(config.dataDir.endsWith('.data')).toBe(true);
    expect(config.redisUrl).toBeUndefined();
    expect(config.uploadsS3Url).toBeUndefined();
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({
        API_PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        DEMO_COMMUNITY: 'maybe',
        PUBLIC_URL: 'ftp://x',
        REDIS_URL: 'localhost:6379',
        UPLOADS_S3_URL: 'https://s3.example.com/bucket',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems } = error as ConfigError;
      expect(problems).toHaveLength(6);
      expect(problems.join('\n')).toMatch(/UPLOADS_S3_URL must be an http\(s\) URL with access key/);
      expect(problems.join('\n')).toMatch(/REDIS_URL must be a redis:\/\//);
      expect(problems.join('\n')).toMatch(/API_PORT.*"abc"/);
    }
  });

  it('reads flags and trims trailing slashes', () => {
    const config = loadConfig({ DEMO_COMMUNITY: 'off', PUBLIC_URL: 'https://community.example.com/' });
    expect(config.demoCommunity).toBe(false);
    expect(config.publicUrl).toBe('https://community.example.com');
  });
});

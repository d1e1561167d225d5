import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const base = { DATABASE_URL: 'postgres://x@127.0.0.1/db', JWT_SECRET: 'a-secret' };

describe('loadConfig', () => {
  it('when only the required variables are set, then the documented defaults apply', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      port: 3000,
      bookingHoldSeconds: 120,
      expirySweepCron: '* * * * *',
      admin: null,
      corsOrigins: '*',
      rateLimits: { enabled: true, requestsPerIpPerMinute: 6000 },
    });
  });

  it('when EXPIRY_SWEEP_CRON has six fields, then it is accepted; when not a schedule, then start-up fails', () => {
    expect(loadConfig({ ...base, EXPIRY_SWEEP_CRON: '* * * * * *' }).expirySweepCron).toBe('* * * * * *');
    expect(() => loadConfig({ ...base, EXPIRY_SWEEP_CRON: 'every minute' })).toThrow(/EXPIRY_SWEEP_CRON/);
  });

  it('when REDIS_URL is set, then it must be a redis:// URL; unset or empty, the instances meet in PostgreSQL', () => {
    expect(loadConfig({ ...base, REDIS_URL: 'redis://127.0.0.1:6379/0' }).redisUrl).toBe('redis://127.0.0.1:6379/0');
    expect(loadConfig({ ...base, REDIS_URL: 'rediss://user:pw@cache.example:6380' }).redisUrl).toMatch(/^rediss:/);
    expect(loadConfig(base).redisUrl).toBeNull();
    expect(loadConfig({ ...base, REDIS_URL: '' }).redisUrl).toBeNull();
    for (const bad of ['http://127.0.0.1:6379', 'localhost:6379', 'not a url']) {
      expect(() => loadConfig({ ...base, REDIS_URL: bad })).toThrow(/REDIS_URL/);
    }
  });

  it('when READ_DATABASE_URL is unset, then no replica; when set, then its pool and lag limit have defaults', () => {
    expect(loadConfig(base).replica).toBeNull();
    const replica = 'postgres://x@127.0.0.2/db';
    expect(loadConfig({ ...base, READ_DATABASE_URL: replica }).replica).toEqual({
      url: replica,
      poolMax: 10,
      maxLagSeconds: 10,
    });
    expect(() => loadConfig({ ...base, READ_MAX_LAG_SECONDS: '-1' })).toThrow(/READ_MAX_LAG_SECONDS/);
  });

  it('when TRUST_PROXY lists proxies, then names and CIDRs are taken; anything else fails start-up', () => {
    expect(loadConfig(base).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ ...base, TRUST_PROXY: 'loopback, 172.16.0.0/12' }).trustProxy).toEqual([
      'loopback',
      '172.16.0.0/12',
    ]);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'nginx' })).toThrow(/TRUST_PROXY/);
  });

  it('when NODE_ENV=production has no JWT_SECRET, then start-up fails', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: base.DATABASE_URL })).toThrow(
      /JWT_SECRET is required/,
    );
  });

  it('when only one of ADMIN_EMAIL and ADMIN_PASSWORD is set, then start-up fails', () => {
    expect(() => loadConfig({ ...base, ADMIN_EMAIL: 'a@b.co' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ ...base, ADMIN_PASSWORD: 'admin-password-1' })).toThrow(/ADMIN_EMAIL/);
  });

  it.each([
    ['PORT', 'abc'],
    ['BOOKING_HOLD_SECONDS', '0'],
    ['BCRYPT_COST', '4'],
  ])('when %s is %s, then start-up fails naming it', (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(new RegExp(name));
  });

  it('when CORS_ORIGIN lists origins, then each must be scheme://host[:port], as the CORS header is documented', () => {
    const listed = 'https://holdfast.example, http://localhost:5173';
    expect(loadConfig({ ...base, CORS_ORIGIN: listed }).corsOrigins).toEqual([
      'https://holdfast.example',
      'http://localhost:5173',
    ]);
    expect(() => loadConfig({ ...base, CORS_ORIGIN: 'https://holdfast.example/' })).toThrow(/CORS_ORIGIN/);
    expect(() => loadConfig({ ...base, CORS_ORIGIN: `https://${'a'.repeat(300)}.example` })).toThrow(/CORS_ORIGIN/);
  });

  it('when ADMIN_PASSWORD is over 72 bytes, then start-up fails instead of bcrypt truncating it', () => {
    const admin = { ADMIN_EMAIL: 'a@b.co', ADMIN_PASSWORD: 'x'.repeat(73) };
    expect(() => loadConfig({ ...base, ...admin })).toThrow(/ADMIN_PASSWORD: Password is too long: at most 72 bytes/);
  });

  it('when METRICS_TOKEN and METRICS_PORT are unset or empty, then /metrics is open and on PORT only', () => {
    expect(loadConfig(base)).toMatchObject({ metricsToken: null, metricsPort: null });
    expect(loadConfig({ ...base, METRICS_TOKEN: '' }).metricsToken).toBeNull();
    const set = loadConfig({ ...base, METRICS_TOKEN: 'scrape-me', METRICS_PORT: '9464' });
    expect(set).toMatchObject({ metricsToken: 'scrape-me', metricsPort: 9464 });
  });

  it('when METRICS_PORT is not a port or is PORT itself, then start-up fails naming it', () => {
    expect(() => loadConfig({ ...base, METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ ...base, METRICS_PORT: '3000' })).toThrow(/METRICS_PORT must differ from PORT/);
  });

  it('when SMTP_URL is unset or empty, then no sender runs; set, it must be smtp(s)://, and links drop a slash', () => {
    expect(loadConfig(base).mail).toMatchObject({ smtpUrl: null, webUrl: 'http://localhost:5173', maxAttempts: 8 });
    expect(loadConfig({ ...base, SMTP_URL: '' }).mail.smtpUrl).toBeNull();
    const set = loadConfig({ ...base, SMTP_URL: 'smtps://u:p@mail.example:465', PUBLIC_WEB_URL: 'https://a.example/' });
    expect(set.mail).toMatchObject({ smtpUrl: 'smtps://u:p@mail.example:465', webUrl: 'https://a.example' });
    expect(() => loadConfig({ ...base, SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ ...base, PUBLIC_WEB_URL: 'book.example' })).toThrow(/PUBLIC_WEB_URL/);
  });
});

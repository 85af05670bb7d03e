import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, mergeEnvironment, parseServeConfig, resolveFlagAliases } from './config.js';

describe('serve configuration', () => {
  test('defaults: port 3000, SQLite under ./data, demo and simulator on', () => {
    const config = parseServeConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.database.kind, 'sqlite');
    assert.match(config.database.kind === 'sqlite' ? config.database.path : '', /data\/broadsheet\.sqlite$/);
    assert.equal(config.demo, true);
    assert.equal(config.simulator, true);
    assert.equal(config.commentRateLimitPerMinute, 5);
  });

  test('flags beat BROADSHEET_* variables, which beat PORT', () => {
    const env = { PORT: '4000', BROADSHEET_PORT: '5000', BROADSHEET_DB: '/tmp/env.sqlite' };
    assert.equal(parseServeConfig(mergeEnvironment({}, env)).port, 5000);
    assert.equal(parseServeConfig(mergeEnvironment({}, { PORT: '4000' })).port, 4000);
    const config = parseServeConfig(mergeEnvironment({ port: '6000' }, env));
    assert.equal(config.port, 6000);
    assert.deepEqual(config.database, { kind: 'sqlite', path: '/tmp/env.sqlite' });
  });

  test('--no-demo switches the simulator off too; BROADSHEET_DEMO=false does the same', () => {
    assert.equal(parseServeConfig({ demo: false }).simulator, false);
    const fromEnv = parseServeConfig(mergeEnvironment({}, { BROADSHEET_DEMO: 'false' }));
    assert.equal(fromEnv.demo, false);
    assert.equal(fromEnv.simulator, false);
    assert.equal(parseServeConfig({ simulator: 'off' }).simulator, false);
  });

  test('--public-url keeps only the origin; --media-dir is resolved to an absolute path', () => {
    const config = parseServeConfig({ publicUrl: 'https://news.example.com/some/path', mediaDir: 'uploads' });
    assert.equal(config.publicUrl, 'https://news.example.com');
    assert.match(config.mediaDir ?? '', /^\/.*\/uploads$/);
    assert.equal(parseServeConfig({}).publicUrl, null);
  });

  test('mail: off by default; --smtp-url and --mail-from (or their variables) together turn it on', () => {
    assert.equal(parseServeConfig({}).mail, null);
    const env = {
      BROADSHEET_SMTP_URL: 'smtps://u:p%40ss@mail.example.com',
      BROADSHEET_MAIL_FROM: 'Desk <desk@example.com>',
    };
    assert.deepEqual(parseServeConfig(mergeEnvironment({}, env)).mail, {
      smtpUrl: 'smtps://u:p%40ss@mail.example.com',
      from: 'Desk <desk@example.com>',
    });
    const flags = parseServeConfig(mergeEnvironment({ smtpUrl: 'smtp://mail.internal:2525' }, env)).mail;
    assert.equal(flags?.smtpUrl, 'smtp://mail.internal:2525');
  });

  test('a refused --smtp-url never repeats the password it holds', () => {
    assert.throws(
      () => parseServeConfig({ smtpUrl: 'http://user:hunter2secret@mail.example.com', mailFrom: 'a@example.com' }),
      (error: Error) => error instanceof ConfigError && !error.message.includes('hunter2secret'),
    );
  });

  test('DATABASE_URL selects PostgreSQL', () => {
    const config = parseServeConfig(mergeEnvironment({}, { DATABASE_URL: 'postgres://u@h:5432/db' }));
    assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://u@h:5432/db' });
  });

  test('feed clock skew: 5 s by default, BROADSHEET_FEED_CLOCK_SKEW or the flag sets it', () => {
    assert.equal(parseServeConfig({}).feedClockSkewMs, 5000);
    assert.equal(parseServeConfig(mergeEnvironment({}, { BROADSHEET_FEED_CLOCK_SKEW: '250' })).feedClockSkewMs, 250);
    assert.equal(parseServeConfig({ feedClockSkew: '0' }).feedClockSkewMs, 0);
  });

  test('workers: one process by default, BROADSHEET_WORKERS or the flag sets how many', () => {
    assert.equal(parseServeConfig({}).workers, 1);
    assert.equal(parseServeConfig(mergeEnvironment({}, { BROADSHEET_WORKERS: '4' })).workers, 4);
    assert.equal(parseServeConfig(mergeEnvironment({ workers: '2' }, { BROADSHEET_WORKERS: '4' })).workers, 2);
    assert.equal(parseServeConfig({ workers: '2', databaseUrl: 'postgres://u@h/db', role: 'web' }).workers, 2);
  });

  test('stream workers: none by default, BROADSHEET_STREAM_WORKERS or the flag sets them', () => {
    assert.equal(parseServeConfig({}).streamWorkers, 0);
    assert.equal(parseServeConfig(mergeEnvironment({}, { BROADSHEET_STREAM_WORKERS: '3' })).streamWorkers, 3);
    assert.equal(
      parseServeConfig(mergeEnvironment({ streamWorkers: '2' }, { BROADSHEET_STREAM_WORKERS: '3' })).streamWorkers,
      2,
    );
  });

  test('REDIS_URL moves the bus to Redis; BROADSHEET_REDIS_URL and the flag win', () => {
    assert.equal(parseServeConfig({}).redisUrl, null);
    assert.equal(
      parseServeConfig(mergeEnvironment({}, { REDIS_URL: 'redis://cache:6379' })).redisUrl,
      'redis://cache:6379',
    );
    const env = { REDIS_URL: 'redis://a:6379', BROADSHEET_REDIS_URL: 'rediss://:secret@b:6380/2' };
    assert.equal(parseServeConfig(mergeEnvironment({}, env)).redisUrl, 'rediss://:secret@b:6380/2');
    assert.equal(parseServeConfig(mergeEnvironment({ redisUrl: 'redis://c' }, env)).redisUrl, 'redis://c');
  });

  test('trusted proxies: none by default; a list of addresses and ranges from the flag or BROADSHEET_TRUSTED_PROXY', () => {
    assert.deepEqual(parseServeConfig({}).trustedProxies, []);
    const env = { BROADSHEET_TRUSTED_PROXY: '10.0.0.0/8, fd00::/8' };
    assert.deepEqual(parseServeConfig(mergeEnvironment({}, env)).trustedProxies, ['10.0.0.0/8', 'fd00::/8']);
    assert.deepEqual(parseServeConfig(mergeEnvironment({ trustedProxy: '127.0.0.1' }, env)).trustedProxies, [
      '127.0.0.1',
    ]);
  });

  test('--trust-proxy and BROADSHEET_TRUST_PROXY are the same setting under the issue-tracker name', () => {
    const fromAlias = resolveFlagAliases({ trustProxy: 'loopback' });
    assert.deepEqual(parseServeConfig(mergeEnvironment(fromAlias, {})).trustedProxies, ['loopback']);
    const env = { BROADSHEET_TRUST_PROXY: '10.0.0.1' };
    assert.deepEqual(parseServeConfig(mergeEnvironment({}, env)).trustedProxies, ['10.0.0.1']);
    // A flag under either name beats either variable.
    assert.deepEqual(parseServeConfig(mergeEnvironment(fromAlias, env)).trustedProxies, ['loopback']);
    assert.deepEqual(resolveFlagAliases({ trustProxy: '10.0.0.1', trustedProxy: '10.0.0.1' }), {
      trustedProxy: '10.0.0.1',
    });
    assert.throws(
      () => resolveFlagAliases({ trustProxy: '10.0.0.1', trustedProxy: '10.0.0.2' }),
      (error: unknown) => error instanceof ConfigError && /--trust-proxy and --trusted-proxy/.test(error.message),
    );
  });

  test('media store: a folder on SQLite, the database on PostgreSQL, either when asked for', () => {
    assert.equal(parseServeConfig({}).mediaStore, 'local');
    assert.equal(parseServeConfig({ databaseUrl: 'postgres://u@h/db' }).mediaStore, 'database');
    assert.equal(parseServeConfig({ databaseUrl: 'postgres://u@h/db', mediaStore: 'local' }).mediaStore, 'local');
    assert.equal(parseServeConfig(mergeEnvironment({}, { BROADSHEET_MEDIA_STORE: 'database' })).mediaStore, 'database');
  });

  test('secure cookies: auto by default; always or never from the flag or BROADSHEET_SECURE_COOKIES', () => {
    assert.equal(parseServeConfig({}).secureCookies, 'auto');
    assert.equal(
      parseServeConfig(mergeEnvironment({}, { BROADSHEET_SECURE_COOKIES: 'Always' })).secureCookies,
      'always',
    );
    assert.equal(parseServeConfig({ secureCookies: 'never' }).secureCookies, 'never');
  });

  for (const [raw, pattern] of [
    [{ port: 'eighty' }, /--port .* must be a whole number, got "eighty"/],
    [{ port: '70000' }, /--port .* between 0 and 65535/],
    [{ streamWorkers: '33' }, /--stream-workers .* between 0 and 32/],
    [{ workers: '0' }, /--workers .* between 1 and 64/],
    [{ workers: 'all' }, /--workers .* must be a whole number/],
    [{ workers: '2', db: ':memory:' }, /--workers .* needs a database file/],
    [{ workers: '2', databaseUrl: 'postgres://u@h/db', role: 'engine' }, /engine-only node .* is one process/],
    [
      { workers: '2', databaseUrl: 'postgres://u@h/db', engineUrl: 'http://10.0.0.1:3100' },
      /--engine-url .* do not go together/,
    ],
    [{ feedClockSkew: '60001' }, /--feed-clock-skew .* between 0 and 60000/],
    [{ feedClockSkew: '5s' }, /--feed-clock-skew .* must be a whole number/],
    [{ streamWorkers: 'two' }, /--stream-workers .* must be a whole number/],
    [{ simulator: 'maybe' }, /--simulator .* must be "on" or "off"/],
    [{ demo: 'perhaps' }, /--no-demo .* true or false/],
    [{ commentRateLimit: '-1' }, /--comment-rate-limit .* whole number/],
    [{ databaseUrl: 'mysql://x' }, /postgres:\/\/ URL/],
    [{ logLevel: 'loud' }, /--log-level .* one of/],
    [{ publicUrl: 'news.example.com' }, /--public-url .* absolute http\(s\) URL/],
    [{ publicUrl: 'ftp://news.example.com' }, /--public-url .* http or https/],
    [{ redisUrl: 'localhost:6379' }, /--redis-url .* redis:\/\/ or rediss:\/\/ URL/],
    [{ redisUrl: 'http://cache:6379' }, /--redis-url .* redis:\/\/ or rediss:\/\/ URL/],
    [{ redisUrl: 'not a url' }, /--redis-url \(BROADSHEET_REDIS_URL or REDIS_URL\)/],
    [
      { trustedProxy: 'proxy.internal' },
      /--trusted-proxy or --trust-proxy \(BROADSHEET_TRUSTED_PROXY or BROADSHEET_TRUST_PROXY\) .*"proxy\.internal"/,
    ],
    [{ mediaStore: 'cloud' }, /--media-store \(BROADSHEET_MEDIA_STORE\) must be "local" or "database"/],
    [{ trustedProxy: '10.0.0.0/40' }, /--trusted-proxy .* prefix length/],
    [{ secureCookies: 'yes' }, /--secure-cookies \(BROADSHEET_SECURE_COOKIES\) must be one of auto, always, never/],
    [{ smtpUrl: 'smtp://mail.example.com' }, /--smtp-url \(BROADSHEET_SMTP_URL\) needs --mail-from/],
    [{ mailFrom: 'news@example.com' }, /--mail-from \(BROADSHEET_MAIL_FROM\) needs --smtp-url/],
    [{ smtpUrl: 'https://mail.example.com', mailFrom: 'news@example.com' }, /--smtp-url .* smtp:\/\/ or smtps:\/\//],
    [{ smtpUrl: 'mail.example.com:587', mailFrom: 'news@example.com' }, /--smtp-url .* smtp:\/\/ or smtps:\/\//],
    [{ smtpUrl: 'smtp://:secret@mail.example.com', mailFrom: 'news@example.com' }, /--smtp-url .* with a host/],
    [{ smtpUrl: 'smtp://mail.example.com', mailFrom: 'news' }, /--mail-from .* one e-mail address/],
    [{ smtpUrl: 'smtp://mail.example.com', mailFrom: 'a@example.com, b@example.com' }, /--mail-from .* one e-mail/],
    [{ dbPoolSize: '0' }, /--db-pool-size .* between 1 and 1000/],
    [{ dbStatementTimeout: '5s' }, /--db-statement-timeout .* whole number/],
    [{ metricsPort: '70000' }, /--metrics-port .* between 0 and 65535/],
    [{ metricsToken: 'short' }, /--metrics-token .* 16 to 512 printable characters/],
    [{ shutdownTimeout: '10' }, /--shutdown-timeout .* between 1000 and 3600000/],
  ] as const) {
    test(`rejects ${JSON.stringify(raw)} with a message naming the setting`, () => {
      assert.throws(
        () => parseServeConfig(raw),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, pattern);
          return true;
        },
      );
    });
  }

  test('role: all by default; web and engine from BROADSHEET_ROLE or the flag, and only on PostgreSQL', () => {
    assert.equal(parseServeConfig({}).role, 'all');
    const pg = { databaseUrl: 'postgres://db/site' };
    assert.equal(parseServeConfig(mergeEnvironment(pg, { BROADSHEET_ROLE: 'web' })).role, 'web');
    assert.equal(parseServeConfig({ ...pg, role: 'ENGINE' }).role, 'engine');
    assert.throws(
      () => parseServeConfig({ role: 'web' }),
      (error: Error) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /--role \(BROADSHEET_ROLE\) web needs PostgreSQL/);
        return true;
      },
    );
    assert.throws(() => parseServeConfig({ ...pg, role: 'leader' }), /must be one of all, web, engine, got "leader"/);
  });

  test('engine URL and lease: the listening address and 5 s by default; a URL and 1–60 s otherwise', () => {
    const config = parseServeConfig({});
    assert.equal(config.engineUrl, null);
    assert.equal(config.engineLeaseMs, 5000);
    const set = parseServeConfig(
      mergeEnvironment({}, { BROADSHEET_ENGINE_URL: 'http://10.0.0.5:3000/', BROADSHEET_ENGINE_LEASE: '2000' }),
    );
    assert.equal(set.engineUrl, 'http://10.0.0.5:3000');
    assert.equal(set.engineLeaseMs, 2000);
    assert.throws(
      () => parseServeConfig({ engineUrl: 'ftp://engine' }),
      /--engine-url .* must be an http or https URL/,
    );
    assert.throws(() => parseServeConfig({ engineLease: '500' }), /between 1000 and 60000/);
  });
});

describe('operations settings', () => {
  test('defaults: a pool of 10, a 30 s statement timeout, no metrics listener, a 5 s drain window', () => {
    const { operations } = parseServeConfig({});
    assert.deepEqual(
      { ...operations, redisPrefix: undefined },
      {
        dbPoolSize: 10,
        dbStatementTimeoutMs: 30_000,
        redisPrefix: undefined,
        metricsPort: null,
        metricsHost: '127.0.0.1',
        metricsToken: null,
        drainWindowMs: 5000,
        shutdownTimeoutMs: 30_000,
      },
    );
  });

  test('the Redis prefix names the database by default, so two sites on one Redis keep apart', () => {
    const sqlite = parseServeConfig({ db: '/srv/one/site.sqlite' }).operations.redisPrefix;
    assert.equal(sqlite, 'broadsheet:/srv/one/site.sqlite:');
    assert.notEqual(parseServeConfig({ db: '/srv/two/site.sqlite' }).operations.redisPrefix, sqlite);
    assert.equal(
      parseServeConfig({ databaseUrl: 'postgres://u:secret@db.internal:5432/news' }).operations.redisPrefix,
      'broadsheet:news:',
    );
    // Another host name for the same database: the same prefix; the password is never in it.
    assert.equal(
      parseServeConfig({ databaseUrl: 'postgres://u:secret@10.1.2.3/news' }).operations.redisPrefix,
      'broadsheet:news:',
    );
    assert.equal(
      parseServeConfig({ databaseUrl: 'postgres://db/news?options=-c%20search_path%3Dsite_b' }).operations.redisPrefix,
      'broadsheet:news.site_b:',
    );
    assert.equal(parseServeConfig({ redisPrefix: 'paper-a:' }).operations.redisPrefix, 'paper-a:');
  });

  test('flags and environment, flags first', () => {
    const env = { BROADSHEET_DB_POOL_SIZE: '25', BROADSHEET_METRICS_PORT: '9464', BROADSHEET_DRAIN_WINDOW: '0' };
    const { operations } = parseServeConfig(mergeEnvironment({ dbPoolSize: '40' }, env));
    assert.equal(operations.dbPoolSize, 40);
    assert.equal(operations.metricsPort, 9464);
    assert.equal(operations.drainWindowMs, 0);
  });
});

#!/usr/bin/env node
// Every command imports what it needs when it runs (`await import(…)` in its action), so that starting
// `broadsheet` loads commander and the command definitions only; keep new commands so (bench/cli-start.mjs).
import cluster from 'node:cluster';
import { Command, Option } from 'commander';
import { registerCommentCommands } from './cli/comments.js';
import { registerDatabaseCommands } from './cli/db.js';
import { failureReport } from './cli/failure.js';
import { registerMarketCommands } from './cli/market.js';
import { registerSectionCommands } from './cli/sections.js';
import { registerTokenCommands } from './cli/tokens.js';
import { registerUserCommands } from './cli/users.js';
import { registerWireCommands } from './cli/wire.js';
import { mergeEnvironment, parseServeConfig, type RawServeConfig, resolveFlagAliases } from './config.js';

const program = new Command('broadsheet')
  .description('Broadsheet: the newsroom and website of a business daily, with live market data.')
  .showHelpAfterError();

program
  .command('serve')
  .description('Serve the site (demo content and a simulated market by default).')
  .addOption(new Option('--host <address>', 'address to listen on (BROADSHEET_HOST)'))
  .addOption(new Option('--port <number>', 'port to listen on, 0 for any free port (BROADSHEET_PORT, PORT)'))
  .addOption(new Option('--db <path>', 'SQLite database file (BROADSHEET_DB)'))
  .addOption(
    new Option('--database-url <url>', 'use PostgreSQL instead of SQLite (BROADSHEET_DATABASE_URL, DATABASE_URL)'),
  )
  .addOption(new Option('--no-demo', 'an empty site: no demo content, no simulator (BROADSHEET_DEMO=false)'))
  .addOption(new Option('--simulator <on|off>', 'run the simulated market (BROADSHEET_SIMULATOR)'))
  .addOption(new Option('--simulator-interval <ms>', 'milliseconds between simulated trade batches'))
  .addOption(new Option('--comment-rate-limit <n>', 'comments per address per minute, 0 = off'))
  .addOption(new Option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent'))
  .addOption(
    new Option('--public-url <url>', 'origin readers use, for absolute canonical links (BROADSHEET_PUBLIC_URL)'),
  )
  .addOption(new Option('--media-dir <path>', 'where uploaded images are kept (BROADSHEET_MEDIA_DIR)'))
  .addOption(
    new Option(
      '--smtp-url <url>',
      'mail reset links and invitations through this server, smtp:// or smtps:// (BROADSHEET_SMTP_URL)',
    ),
  )
  .addOption(new Option('--mail-from <address>', 'the address those mails come from (BROADSHEET_MAIL_FROM)'))
  .addOption(
    new Option(
      '--wire-drop <dir>',
      'watch a folder for agency files: ingested into the wire inbox, then moved to done/ or rejected/ (BROADSHEET_WIRE_DROP)',
    ),
  )
  .addOption(
    new Option(
      '--media-store <local|database>',
      'keep uploaded images in --media-dir or in the database (BROADSHEET_MEDIA_STORE)',
    ),
  )
  .addOption(
    new Option(
      '--redis-url <url>',
      'carry bus messages between processes over Redis (BROADSHEET_REDIS_URL, REDIS_URL)',
    ),
  )
  .addOption(
    new Option(
      '--stream-workers <n>',
      'child processes that hold the market-stream connections, 0 = this one (BROADSHEET_STREAM_WORKERS)',
    ),
  )
  .addOption(
    new Option(
      '--workers <n>',
      'processes serving the one port together, one per core; 1 = this process alone (BROADSHEET_WORKERS)',
    ),
  )
  .addOption(
    new Option(
      '--worker-hang-timeout <ms>',
      'with --workers: a worker that stops answering its primary this long is killed and replaced (BROADSHEET_WORKER_HANG_TIMEOUT)',
    ),
  )
  .addOption(
    new Option(
      '--trust-proxy <list>',
      'proxy addresses or CIDR ranges whose X-Forwarded-For/-Proto are believed (BROADSHEET_TRUST_PROXY)',
    ),
  )
  .addOption(new Option('--trusted-proxy <list>', 'the same as --trust-proxy (BROADSHEET_TRUSTED_PROXY)'))
  .addOption(new Option('--secure-cookies <mode>', 'auto (when HTTPS), always or never (BROADSHEET_SECURE_COOKIES)'))
  .addOption(
    new Option(
      '--feed-clock-skew <ms>',
      "how far ahead of the server's clock a pushed trade may be stamped, default 5000 (BROADSHEET_FEED_CLOCK_SKEW)",
    ),
  )
  // The market authority across processes (docs/adr/0006).
  .addOption(
    new Option(
      '--role <role>',
      'all (pages, and the market engine when it holds the lease), web (pages; market writes go to the engine) or engine (BROADSHEET_ROLE)',
    ),
  )
  .addOption(
    new Option(
      '--engine-url <url>',
      'where other nodes reach this one while it is the market engine; default its listening address (BROADSHEET_ENGINE_URL)',
    ),
  )
  .addOption(
    new Option(
      '--engine-lease <ms>',
      'how long the market engine lease lasts unrenewed, default 5000 (BROADSHEET_ENGINE_LEASE)',
    ),
  )
  // Operations (README, "Operations").
  .addOption(
    new Option('--db-pool-size <n>', 'PostgreSQL connections in the pool, default 10 (BROADSHEET_DB_POOL_SIZE)'),
  )
  .addOption(
    new Option(
      '--db-statement-timeout <ms>',
      'PostgreSQL statement timeout, 0 = none, default 30000 (BROADSHEET_DB_STATEMENT_TIMEOUT)',
    ),
  )
  .addOption(new Option('--redis-prefix <text>', 'put before every Redis key and channel (BROADSHEET_REDIS_PREFIX)'))
  .addOption(new Option('--metrics-port <n>', 'serve /metrics on this port of its own (BROADSHEET_METRICS_PORT)'))
  .addOption(
    new Option('--metrics-host <address>', 'address of the metrics port, default 127.0.0.1 (BROADSHEET_METRICS_HOST)'),
  )
  .addOption(
    new Option(
      '--metrics-token <token>',
      'also serve /metrics on the public port, to this bearer token (BROADSHEET_METRICS_TOKEN)',
    ),
  )
  .addOption(
    new Option(
      '--drain-window <ms>',
      'after SIGTERM, keep serving this long while /readyz says 503, default 5000 (BROADSHEET_DRAIN_WINDOW)',
    ),
  )
  .addOption(
    new Option(
      '--shutdown-timeout <ms>',
      'after SIGTERM, exit anyway after this long, default 30000 (BROADSHEET_SHUTDOWN_TIMEOUT)',
    ),
  )
  .action(async (_options: unknown, command: Command) => {
    const flags = resolveFlagAliases(command.opts<RawServeConfig>());
    // commander always sets `demo` (true unless --no-demo); only a flag typed by the user should beat the environment.
    if (command.getOptionValueSource('demo') !== 'cli') delete flags.demo;
    const config = parseServeConfig(mergeEnvironment(flags, process.env));
    const details = {
      database: config.database.kind,
      bus: config.redisUrl !== null ? 'redis' : config.workers > 1 ? 'between workers' : 'in-process',
      demo: config.demo,
      simulator: config.simulator,
      streamWorkers: config.streamWorkers,
      role: config.role,
    };
    // The whole site is loaded only to serve it: `broadsheet --help` and the small commands start without it.
    const [{ createApp, prepareSite }, { stopOnSignals }, { default: pino }] = await Promise.all([
      import('./app.js'),
      import('./ops/shutdown.js'),
      import('pino'),
    ]);
    if (config.workers > 1 && cluster.isPrimary) {
      // The primary migrates and seeds once, then serves nothing itself (docs/adr/0009).
      const logger = pino({ level: config.logLevel });
      await prepareSite(config, logger);
      const { runClusterPrimary } = await import('./cluster/clusterPrimary.js');
      const { metricsListener } = await import('./ops/metricsListener.js');
      const { workersMetrics } = await import('./ops/clusterMetrics.js');
      runClusterPrimary({
        workers: config.workers,
        logger,
        servingDetails: details,
        drainWindowMs: config.operations.drainWindowMs,
        timeoutMs: config.operations.shutdownTimeoutMs,
        hangTimeoutMs: config.workerHangTimeoutMs,
        ...(config.operations.metricsPort === null
          ? {}
          : {
              metricsListener: metricsListener({
                host: config.operations.metricsHost,
                port: config.operations.metricsPort,
                metrics: workersMetrics(),
                onListening: (metricsAddress) => logger.info({ metricsAddress }, 'metrics listening'),
                onError: (error) => logger.error({ err: error }, 'metrics could not be gathered from the workers'),
              }),
            }),
      });
      return;
    }
    const worker = config.workers > 1 ? (cluster.worker?.id ?? null) : null;
    const logger =
      worker === null ? pino({ level: config.logLevel }) : pino({ level: config.logLevel }).child({ worker });
    const member = worker === null ? null : (await import('./cluster/clusterMember.js')).joinCluster(logger);
    const app = await createApp(config, { logger, ...(member === null ? {} : { clusterMember: member }) });
    const address = await app.start();
    const shutdown = stopOnSignals(app, {
      drainWindowMs: config.operations.drainWindowMs,
      timeoutMs: config.operations.shutdownTimeoutMs,
      logger: app.logger,
    });
    if (member === null) {
      app.logger.info({ address, ...details }, 'Broadsheet is serving');
      return;
    }
    // The primary says the site is serving, with its address, once every worker is.
    app.logger.info({ workerAddress: app.ownAddress(), ...details }, 'worker is serving');
    member.onStop((signal) => shutdown.stop(signal));
    member.reportListening(address);
  });

registerCommentCommands(program);
registerUserCommands(program);
registerMarketCommands(program);
registerTokenCommands(program);
registerDatabaseCommands(program);
registerWireCommands(program);
registerSectionCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const report = failureReport(error);
  process.stderr.write(`broadsheet: ${report.line}\n`);
  process.exit(report.exitCode);
});

import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { type MetricsSource, shareWithPrimary } from './clusterMetrics.js';

/** Running totals and levels the metrics read when scraped, so the parts that keep them pay nothing per request. */
export interface ScrapedCounters {
  readonly pageCacheHits: number;
  readonly pageCacheMisses: number;
  readonly streamClients: number;
}

/** A committed batch of the market recorder, as far as the metrics need it. */
export interface CommittedBatchSummary {
  readonly waitsMs: readonly number[];
  readonly acceptedTrades: number;
  readonly duplicateTrades: number;
  readonly refusedTrades: Readonly<Partial<Record<string, number>>>;
}

export interface SiteMetricsSources {
  /** The site's counters; absent until the site is built. */
  counters(): ScrapedCounters | null;
  /** True or false with Redis; null with the in-process bus, which cannot be away. */
  busConnected(): boolean | null;
  /** Draining after SIGTERM. */
  draining(): boolean;
}

/**
 * The process's Prometheus metrics (prom-client), in a registry of its own so
 * two apps in one process (tests) do not share figures. The hooks are what
 * the site, the recorder and the bus call; everything else is read at scrape.
 */
export interface SiteMetrics extends MetricsSource {
  observeRequest(route: string, method: string, status: number, seconds: number): void;
  observeCommittedBatch(batch: CommittedBatchSummary): void;
  observeBusDelivery(topic: string, lagMs: number): void;
  /** As a worker of `serve --workers N`: the primary's metrics port shows these figures, labelled `worker`. */
  shareWithPrimary(worker: number): void;
}

const PREFIX = 'broadsheet_';

export function createSiteMetrics(sources: SiteMetricsSources): SiteMetrics {
  const registry = new Registry();
  // Process CPU, memory, event-loop delay, handles: what "CPU per request" is worked out from.
  collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const requests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: 'HTTP requests answered, by route pattern (or "(cached page)", "(market stream)", "(unmatched)"), method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time from the request to the end of its answer (a stream: to its first bytes), by route and method.',
    labelNames: ['route', 'method'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  let counted = { hits: 0, misses: 0 };
  new Counter({
    name: `${PREFIX}page_cache_requests_total`,
    help: 'Page requests answered from the page cache (hit) or after a render (miss).',
    labelNames: ['outcome'] as const,
    registers: [registry],
    collect() {
      const now = sources.counters();
      if (now === null) return;
      this.inc({ outcome: 'hit' }, now.pageCacheHits - counted.hits);
      this.inc({ outcome: 'miss' }, now.pageCacheMisses - counted.misses);
      counted = { hits: now.pageCacheHits, misses: now.pageCacheMisses };
    },
  });
  new Gauge({
    name: `${PREFIX}stream_clients`,
    help: 'Market-stream (server-sent events) clients connected now, in this process and its stream workers.',
    registers: [registry],
    collect() {
      this.set(sources.counters()?.streamClients ?? 0);
    },
  });
  const accepted = new Counter({
    name: `${PREFIX}market_trades_accepted_total`,
    help: 'Trades the market took and the log committed (pushed and simulated).',
    registers: [registry],
  });
  const duplicates = new Counter({
    name: `${PREFIX}market_trades_duplicate_total`,
    help: "Trades sent again with a (feed, seq) the log already had: answered 'duplicate', taken once.",
    registers: [registry],
  });
  const refused = new Counter({
    name: `${PREFIX}market_trades_refused_total`,
    help: 'Trades the market refused, by reason (unknown symbol, outside band, stale, …).',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const batches = new Counter({
    name: `${PREFIX}market_recorder_batches_total`,
    help: 'Batches the market recorder committed (group commit: one transaction each).',
    registers: [registry],
  });
  const recorderLag = new Histogram({
    name: `${PREFIX}market_recorder_lag_seconds`,
    help: 'Time from a submission reaching the market recorder to its durable commit (before it is acknowledged).',
    buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const busLag = new Histogram({
    name: `${PREFIX}bus_lag_seconds`,
    help: 'Time from a message published by another process to its arrival here over Redis, by topic (clocks of one machine or NTP-synchronised ones).',
    labelNames: ['topic'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  new Gauge({
    name: `${PREFIX}bus_connected`,
    help: '1 while the Redis bus is connected, 0 while degraded; absent with the in-process bus.',
    registers: [registry],
    collect() {
      const connected = sources.busConnected();
      if (connected === null) this.reset();
      else this.set(connected ? 1 : 0);
    },
  });
  new Gauge({
    name: `${PREFIX}draining`,
    help: '1 once SIGTERM has been received and the process is draining.',
    registers: [registry],
    collect() {
      this.set(sources.draining() ? 1 : 0);
    },
  });

  return {
    contentType: registry.contentType,
    render: () => registry.metrics(),
    shareWithPrimary: (worker) => shareWithPrimary(registry, worker),
    observeRequest(route, method, status, seconds) {
      requests.inc({ route, method, status });
      latency.observe({ route, method }, seconds);
    },
    observeCommittedBatch(batch) {
      batches.inc();
      if (batch.acceptedTrades > 0) accepted.inc(batch.acceptedTrades);
      if (batch.duplicateTrades > 0) duplicates.inc(batch.duplicateTrades);
      for (const [reason, count] of Object.entries(batch.refusedTrades)) {
        if (count !== undefined && count > 0) refused.inc({ reason }, count);
      }
      for (const waitMs of batch.waitsMs) recorderLag.observe(waitMs / 1000);
    },
    observeBusDelivery(topic, lagMs) {
      busLag.observe({ topic }, lagMs / 1000);
    },
  };
}

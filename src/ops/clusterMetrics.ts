import { AggregatorRegistry, type Registry } from 'prom-client';

/** What the metrics port serves: a Prometheus text exposition and its content type. */
export interface MetricsSource {
  readonly contentType: string;
  /** The text exposition of every metric. */
  render(): Promise<string>;
}

/**
 * A worker of `serve --workers N` hands its registry to the primary when asked (prom-client's cluster
 * aggregation, over the cluster's IPC channel), each series labelled with the worker's number so the primary
 * lists every worker's figures side by side rather than adding up, say, two event-loop delays.
 */
export function shareWithPrimary(registry: Registry, worker: number): void {
  registry.setDefaultLabels({ worker: String(worker) });
  AggregatorRegistry.setRegistries([registry]);
  // Constructing one installs the worker's answer to the primary's requests; the instance itself is not used.
  new AggregatorRegistry();
}

/**
 * The primary's `/metrics` on `--metrics-port`: every worker's registry, asked for at each scrape. The port used
 * to be opened by the workers themselves, which node:cluster shares round robin: each scrape got one worker's
 * counters, and Prometheus read the switches between workers as counter resets.
 */
export function workersMetrics(): MetricsSource {
  const aggregator = new AggregatorRegistry();
  return { contentType: aggregator.contentType, render: () => aggregator.clusterMetrics() };
}

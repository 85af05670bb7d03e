// The article-page budget from DESIGN.md, made concrete: what a run must show to call the page fast enough.
export const TARGETS = {
  minRatioToNginx: 0.4,
  maxP99Ms: 10,
  maxPeakRssBytes: 150 * 1024 * 1024,
  description: 'Broadsheet ≥ 0.40× nginx req/s on the same bytes, p99 < 10 ms, peak RSS < 150 MB',
};

/**
 * One verdict per coding and budget.
 * @param {readonly { server: string, coding: string, result: { requestsPerSec: number, p99Ms: number }, peakRss: number | null }[]} runs
 */
export function checkTargets(runs) {
  const verdicts = [];
  for (const run of runs.filter((r) => r.server === 'Broadsheet')) {
    const nginx = runs.find((r) => r.server === 'nginx' && r.coding === run.coding);
    if (nginx) {
      const ratio = run.result.requestsPerSec / nginx.result.requestsPerSec;
      verdicts.push({
        met: ratio >= TARGETS.minRatioToNginx,
        text: `${run.coding}: throughput ${ratio.toFixed(2)}× nginx (target ≥ ${TARGETS.minRatioToNginx.toFixed(2)}×)`,
      });
    }
    verdicts.push({
      met: run.result.p99Ms < TARGETS.maxP99Ms,
      text: `${run.coding}: p99 ${run.result.p99Ms.toFixed(2)} ms (target < ${TARGETS.maxP99Ms} ms)`,
    });
  }
  const peaks = runs.map((r) => r.peakRss).filter((rss) => rss !== null);
  if (peaks.length > 0) {
    const peak = Math.max(...peaks);
    verdicts.push({
      met: peak < TARGETS.maxPeakRssBytes,
      text: `peak RSS ${(peak / 1024 / 1024).toFixed(1)} MB (target < ${TARGETS.maxPeakRssBytes / 1024 / 1024} MB)`,
    });
  }
  return verdicts;
}

// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self time per function and per area.

/**
 * @typedef {{ id: number, callFrame: { functionName: string, url: string, lineNumber: number },
 *   children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], startTime: number, endTime: number, samples: number[], timeDeltas: number[] }} CpuProfile
 */

/**
 * Self and inclusive sample counts per function, only for samples taken inside [fromUs, toUs]
 * (monotonic microseconds, the clock of process.hrtime and of the profile's timestamps).
 * @param {CpuProfile} profile
 */
export function summarizeProfile(profile, { fromUs = -Infinity, toUs = Infinity } = {}) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map();
  const inclusive = new Map();
  const areas = new Map();
  let total = 0;
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i] ?? 0;
    if (time < fromUs || time > toUs) continue;
    const id = profile.samples[i];
    const node = byId.get(id);
    if (!node) continue;
    total++;
    const key = functionKey(node);
    self.set(key, (self.get(key) ?? 0) + 1);
    const area = areaOf(node);
    areas.set(area, (areas.get(area) ?? 0) + 1);
    // Inclusive: each function once per sample however deep the recursion.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (!frame) break;
      const frameKey = functionKey(frame);
      if (seen.has(frameKey)) continue;
      seen.add(frameKey);
      inclusive.set(frameKey, (inclusive.get(frameKey) ?? 0) + 1);
    }
  }
  const share = (map) =>
    [...map.entries()]
      .map(([name, count]) => ({ name, count, percent: total === 0 ? 0 : (100 * count) / total }))
      .sort((a, b) => b.count - a.count);
  return { samples: total, self: share(self), inclusive: share(inclusive), areas: share(areas) };
}

function functionKey(node) {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  if (!url) return name;
  return `${name} ${shortUrl(url)}:${lineNumber + 1}`;
}

function shortUrl(url) {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) return path.slice(modules + '/node_modules/'.length);
  const dist = path.indexOf('/dist/');
  if (dist >= 0) return path.slice(dist + 1);
  return path;
}

/** A coarse bucket: V8's own pseudo-frames, Node's internals, a package, or the site's code. */
export function areaOf(node) {
  const { functionName, url } = node.callFrame;
  if (!url) {
    if (['(garbage collector)', '(idle)', '(program)', '(root)'].includes(functionName)) return functionName;
    return '(native)';
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = path.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? 'node_modules');
  }
  const dist = path.indexOf('/dist/');
  if (dist >= 0)
    return `site: ${path
      .slice(dist + 1)
      .split('/')
      .slice(0, 3)
      .join('/')}`;
  return path;
}

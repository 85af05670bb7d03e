// Runs every test file with node's own test runner, TypeScript loaded through tsx.
// Node 20's runner cannot glob .ts files itself, so the list is built here.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// `node scripts/run-tests.mjs [PART …] [--except PART …]`: files whose path holds a PART (all when none),
// without those holding an --except PART.
const filter = [];
const except = [];
for (let i = 2; i < process.argv.length; i += 1) {
  const arg = process.argv[i];
  if (arg === '--except') {
    const part = process.argv[++i];
    if (part === undefined) {
      console.error('--except needs a part of a path');
      process.exit(2);
    }
    except.push(part);
  } else filter.push(arg);
}

function find(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) found.push(...find(path));
    else if (/\.test\.tsx?$/.test(name)) found.push(relative(root, path));
  }
  return found;
}

const files = [...find(join(root, 'src')), ...find(join(root, 'test'))]
  .filter((file) => filter.length === 0 || filter.some((part) => file.includes(part)))
  .filter((file) => !except.some((part) => file.includes(part)))
  .sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

// A file is one test to the runner: the timeout bounds a whole file. The CLI suites spawn the command
// a few dozen times, and on a machine whose process starts are slow one took 217 s alone.
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=480000', '--test-reporter=spec', ...files],
  { cwd: root, stdio: 'inherit' },
);
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));

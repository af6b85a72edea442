#!/usr/bin/env node
// Entry for `npx klachtregie`. Runs the compiled CLI; builds it first when dist/ is missing or stale.
const { existsSync, statSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const root = join(__dirname, '..');
const entry = join(root, 'dist', 'src', 'cli', 'main.js');

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

if (!existsSync(entry) || newestMtime(join(root, 'src')) > statSync(entry).mtimeMs) {
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
}
const { runCli, processIo } = require(entry);
runCli(process.argv.slice(2), processIo).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`klachtregie: ${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
  },
);

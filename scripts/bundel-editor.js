// Bundles the /beheer editor (src/modules/web/assets/editor-bron.mjs, CodeMirror 6) into editor.js next to it, so the
// service serves it itself (no CDN). Run by `npm run build` and by the test set-up; skipped when editor.js is newer than
// its source and the lockfile. `node scripts/bundel-editor.js --force` always bundles.
const { existsSync, renameSync, statSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const BRON = join(ROOT, 'src', 'modules', 'web', 'assets', 'editor-bron.mjs');
const DOEL = join(ROOT, 'src', 'modules', 'web', 'assets', 'editor.js');

function actueel() {
  if (!existsSync(DOEL)) return false;
  const t = statSync(DOEL).mtimeMs;
  return [BRON, join(ROOT, 'package-lock.json')].every((f) => !existsSync(f) || statSync(f).mtimeMs <= t);
}

async function bundel(force = false) {
  if (!force && actueel()) return false;
  const esbuild = require('esbuild');
  await esbuild.build({
    entryPoints: [BRON],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    // Written beside and renamed: two services starting at once (npm start builds) never read half a file.
    outfile: `${DOEL}.${process.pid}.tmp`,
    // CodeMirror is MIT: its licence notices stay in the bundle.
    legalComments: 'eof',
    logLevel: 'warning',
  });
  renameSync(`${DOEL}.${process.pid}.tmp`, DOEL);
  return true;
}

module.exports = { bundel, DOEL };

if (require.main === module) {
  bundel(process.argv.includes('--force')).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

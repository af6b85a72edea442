// Minimal require hook for child processes in tests (`node -r ./test/support/ts-register.js src/main.ts`):
// transpiles .ts with the project's compiler options, no type check. Lets a test run the real entry
// points as separate processes (exit codes, signals, ESM dynamic import) without a build first.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const configPath = path.join(__dirname, '..', '..', 'tsconfig.json');
const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(configPath));
const compilerOptions = { ...options, sourceMap: false, inlineSourceMap: true, declaration: false, noEmit: false };

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};

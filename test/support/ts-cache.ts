import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

/**
 * A require hook for the server processes the crash test starts (`node -r ts-node/register/transpile-only
 * -r test/support/ts-cache.ts server/main.ts`): each .ts file of the repository is transpiled as
 * ts-node's transpile-only mode does, and the output is kept in a cache under the temp directory
 * keyed by the source's hash, so that a restarted server (and the next test run) starts in a few
 * seconds instead of transpiling every module again.
 */
const root = path.resolve(__dirname, '..', '..');
const cacheDir = path.join(os.tmpdir(), 'ledger-ts-cache');
fs.mkdirSync(cacheDir, { recursive: true });
const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), (f) => fs.readFileSync(f, 'utf8')).config as {
  compilerOptions: object;
};
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
const compilerOptions: ts.CompilerOptions = { ...options, isolatedModules: true, sourceMap: false, inlineSourceMap: false };
const salt = `${ts.version}:${JSON.stringify(compilerOptions)}`;

type Loader = (module: NodeJS.Module & { _compile(code: string, filename: string): void }, filename: string) => void;
const extensions = (require as unknown as { extensions: Record<string, Loader> }).extensions;
const fallback = extensions['.ts'];

extensions['.ts'] = (module, filename) => {
  if (!filename.startsWith(root) || filename.includes(`${path.sep}node_modules${path.sep}`)) return fallback(module, filename);
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha256').update(salt).update(filename).update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let code: string;
  try {
    code = fs.readFileSync(cached, 'utf8');
  } catch {
    code = ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText;
    const temp = `${cached}.${process.pid}`;
    fs.writeFileSync(temp, code);
    fs.renameSync(temp, cached);
  }
  module._compile(code, filename);
};

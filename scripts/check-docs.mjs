#!/usr/bin/env node
// `npm run check:docs` (and a step of `npm test`): every docs/…#anchor cited in code, tests,
// scripts and Markdown names a heading that exists; no citation of documents outside the
// repository; no absolute machine paths; README.md at most 200 lines. The rules are in
// scripts/lib/docs-check.ts; this file only finds the files and reports.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { register } from 'tsx/esm/api';
import { ROOT } from './lib/run.mjs';

register();
const { checkCitations, checkPaths, checkReadme, strayReferences } = await import('./lib/docs-check.ts');

/** Text files people write; generated and vendored files are left out. */
const TEXT = new Set(['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.md', '.html', '.css', '.yml', '.yaml', '.txt']);
const SKIP_FILES = new Set(['package-lock.json']);
const SKIP_DIRS = new Set(['node_modules', '.output', '.wxt', '.git', 'coverage']);

const toPosix = (path) => path.split(sep).join('/');

/** Tracked and new (not ignored) files; without git, a walk of the tree. */
function listFiles() {
  try {
    const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return out.split('\0').filter((f) => f !== '');
  } catch {
    const files = [];
    const walk = (dir) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (!SKIP_DIRS.has(name)) walk(path);
        } else files.push(toPosix(relative(ROOT, path)));
      }
    };
    walk(ROOT);
    return files;
  }
}

const cache = new Map();
/** A repository file's text, or null when there is no such file. */
function read(path) {
  if (!cache.has(path)) {
    let text = null;
    try {
      text = readFileSync(join(ROOT, path), 'utf8');
    } catch {
      text = null;
    }
    cache.set(path, text);
  }
  return cache.get(path);
}

/** Whether a repository file or folder exists. */
const exists = (path) => existsSync(join(ROOT, path));

const files = listFiles().filter(
  (f) => TEXT.has(extname(f)) && !SKIP_FILES.has(f.split('/').pop()) && read(f) !== null,
);
const problems = [];
for (const file of files) {
  const text = read(file);
  problems.push(...strayReferences(file, text), ...checkCitations(file, text, read), ...checkPaths(file, text, exists));
}
const readme = read('README.md');
if (readme !== null) problems.push(...checkReadme(readme));

for (const p of problems) console.error(`${p.file}:${p.line}: ${p.message}`);
console.log(`check-docs: ${files.length} files, ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
process.exitCode = problems.length === 0 ? 0 : 1;

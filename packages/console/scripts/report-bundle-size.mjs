// Prints what a browser downloads before the first screen: the entry chunk and every chunk it imports
// statically, gzipped. Fails the build above the budget (issue 15: 300 KB of JavaScript).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const budgetBytes = 300 * 1024;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

export function initialDownload() {
  const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8'));
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  const chunks = new Set();
  const css = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (chunks.has(chunk.file)) return;
    chunks.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry);
  const gzipped = (files) =>
    [...files].reduce((sum, file) => sum + gzipSync(readFileSync(dist + file)).length, 0);
  return { javascript: gzipped(chunks), css: gzipped(css), files: [...chunks, ...css], budget: budgetBytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { javascript, css, files, budget } = initialDownload();
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  process.stdout.write(
    `console: initial JavaScript ${kb(javascript)} gzipped (budget ${kb(budget)}), CSS ${kb(css)}; ${files.length} files\n`,
  );
  if (javascript > budget) {
    process.stderr.write('console: the initial JavaScript is over its budget\n');
    process.exit(1);
  }
}

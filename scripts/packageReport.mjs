// Prints what a .vsix holds and how big it is: node scripts/packageReport.mjs paperlens.vsix
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const file = process.argv[2] ?? 'paperlens.vsix';
const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
const rows = listing.split('\n').filter((l) => /^\s*\d+\s+\S+\s+\S+\s+extension\//.test(l));
const entries = rows.map((l) => {
  const [size, , , name] = l.trim().split(/\s+/);
  return { name: name.replace(/^extension\//, ''), size: Number(size) };
});
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const groups = new Map();
for (const e of entries) {
  const g = e.name.startsWith('dist/data/') ? 'dist/data/' : e.name.startsWith('media/screenshots/') ? 'media/screenshots/' : e.name;
  groups.set(g, (groups.get(g) ?? 0) + e.size);
}
console.log(`\n${file}: ${kb(fs.statSync(file).size)} compressed, ${kb(entries.reduce((n, e) => n + e.size, 0))} unpacked, ${entries.length} files`);
for (const [g, size] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`  ${kb(size).padStart(10)}  ${g}`);

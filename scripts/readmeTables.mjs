// Generates the README's commands and settings tables from package.json, between the markers
// <!-- commands:start --> … <!-- commands:end --> and <!-- settings:start --> … <!-- settings:end -->.
//   node scripts/readmeTables.mjs          rewrite README.md
//   node scripts/readmeTables.mjs --check  exit 1 if README.md is out of date (a unit test runs this logic too)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function commandsTable(pkg) {
  const palette = new Map((pkg.contributes.menus?.commandPalette ?? []).map((m) => [m.command, m.when]));
  const keys = new Map((pkg.contributes.keybindings ?? []).map((k) => [k.command, k.key]));
  const rows = pkg.contributes.commands.map((c) => {
    const hidden = palette.get(c.command) === 'false';
    const where = hidden ? 'hover cards, tree, details' : palette.has(c.command) ? `palette (when ${palette.get(c.command)})` : 'palette';
    return `| ${cell(`${c.category}: ${c.title}`)} | \`${c.command}\` | ${keys.has(c.command) ? `\`${keys.get(c.command)}\`` : ''} | ${where} |`;
  });
  return ['| command | id | key | where |', '|---|---|---|---|', ...rows].join('\n');
}

export function settingsTable(pkg) {
  const props = Object.entries(pkg.contributes.configuration.properties).sort((a, b) => (a[1].order ?? 0) - (b[1].order ?? 0));
  const rows = props.map(([key, p]) => {
    const type = p.enum ? p.enum.map((e) => `\`${e}\``).join(', ') : p.type;
    const desc = (p.markdownDescription ?? p.description ?? '').replace(/`#([\w.]+)#`/g, '`$1`');
    return `| \`${key}\` | ${cell(type)} | \`${cell(JSON.stringify(p.default))}\` | ${cell(desc)} |`;
  });
  return ['| setting | values | default | what it does |', '|---|---|---|---|', ...rows].join('\n');
}

export function withTables(readme, pkg) {
  const put = (text, name, table) => {
    const re = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(text)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
    return text.replace(re, (_m, a, b) => `${a}\n${table}\n${b}`);
  };
  return put(put(readme, 'commands', commandsTable(pkg)), 'settings', settingsTable(pkg));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const file = path.join(REPO, 'README.md');
  const readme = fs.readFileSync(file, 'utf8');
  const next = withTables(readme, pkg);
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md tables are out of date: run node scripts/readmeTables.mjs');
      process.exit(1);
    }
  } else {
    fs.writeFileSync(file, next);
  }
}

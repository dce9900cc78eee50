import type { CliCommand } from '../command';
import { json } from '../format';

export const techniquesCommand: CliCommand = {
  name: 'techniques',
  usage: 'techniques [--json]',
  summary: 'list the technique lexicon: names, expansions and how many papers each has',
  flags: { switches: ['json'] },
  run(args, io) {
    const { lexicon } = io.data();
    if (args.switches.has('json')) {
      io.out(
        json(
          lexicon.techniques.map((t) => ({
            id: t.id,
            name: t.name,
            kind: t.kind,
            expansions: t.expansions,
            aliases: t.aliases,
            guarded: t.guard !== undefined,
            papers: t.papers.map((p) => ({ id: p.id, role: p.role })),
          })),
        ),
      );
      return 0;
    }
    const sorted = [...lexicon.techniques].sort((a, b) => b.papers.length - a.papers.length || a.name.localeCompare(b.name));
    const w = Math.min(32, Math.max(...sorted.map((t) => t.name.length)));
    for (const t of sorted) {
      const exp = t.expansions.length > 0 ? `  ${t.expansions.join(' | ')}` : '';
      io.out(`${t.name.padEnd(w)}  ${t.kind.padEnd(7)}  ${String(t.papers.length).padStart(3)} papers${exp}`);
    }
    io.out(`\n${lexicon.techniques.length} techniques`);
    return 0;
  },
};

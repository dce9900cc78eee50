import { languageIdForPath } from '../../core/techniques/languages';
import { UsageError } from '../args';
import { type CliCommand, readUserFile } from '../command';
import { json } from '../format';

export const scanCommand: CliCommand = {
  name: 'scan',
  usage: 'scan <file> [--json]',
  summary: 'every technique mention in a file, with 1-based line and column',
  flags: { switches: ['json'] },
  run(args, io) {
    const [file, extra] = args.positionals;
    if (file === undefined || extra !== undefined) throw new UsageError('scan needs exactly one file');
    const text = readUserFile(io, file);
    const hits = io.data().techniques.scan(text, languageIdForPath(file));
    const rows = hits.map((h) => ({ line: h.line + 1, column: h.column + 1, text: h.text, technique: { id: h.technique.id, name: h.technique.name } }));
    if (args.switches.has('json')) {
      io.out(json(rows));
      return 0;
    }
    for (const r of rows) io.out(`${file}:${r.line}:${r.column}  ${r.technique.name}  (${r.text})`);
    const distinct = new Set(rows.map((r) => r.technique.id)).size;
    io.out(`${rows.length} mentions of ${distinct} techniques`);
    return 0;
  },
};

import { formatCoverage, formatReconciliation, metadataCoverage, reconcile } from '../../core/corpus/report';
import type { CliCommand } from '../command';
import { json } from '../format';

export const statsCommand: CliCommand = {
  name: 'stats',
  usage: 'stats [--json]',
  summary: 'account for every seed record (papers created and duplicates merged, per file) and count the metadata papers have',
  flags: { switches: ['json'] },
  run(args, io) {
    const { corpus } = io.data();
    if (args.switches.has('json')) {
      io.out(json({ ...reconcile(corpus), metadata: metadataCoverage(corpus.papers) }));
      return 0;
    }
    io.out(formatReconciliation(corpus));
    io.out('');
    io.out(formatCoverage(metadataCoverage(corpus.papers)));
    return 0;
  },
};

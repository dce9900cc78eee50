import { formatReconciliation, reconcile } from '../../core/corpus/report';
import type { CliCommand } from '../command';
import { json } from '../format';

export const statsCommand: CliCommand = {
  name: 'stats',
  usage: 'stats [--json]',
  summary: 'account for every seed record: papers created and duplicates merged, per file',
  flags: { switches: ['json'] },
  run(args, io) {
    const { corpus } = io.data();
    if (args.switches.has('json')) {
      io.out(json(reconcile(corpus)));
      return 0;
    }
    io.out(formatReconciliation(corpus));
    return 0;
  },
};

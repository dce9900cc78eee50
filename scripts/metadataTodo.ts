// Lists the papers whose metadata is still incomplete, as gathering input (one JSON line a paper),
// so a gathering pass can resume where the last stopped. See metadata/README.md.
//   npx tsx scripts/metadataTodo.ts [--field arxiv|authors|date|venue] > todo.jsonl
import { join } from 'node:path';
import { readCorpus } from '../src/build/buildData';
import { snippet } from '../src/core/corpus/display';
import type { Paper } from '../src/schema/corpus';

const REPO = join(__dirname, '..');
const field = process.argv.includes('--field') ? process.argv[process.argv.indexOf('--field') + 1] : undefined;
const lacks: Record<string, (p: Paper) => boolean> = {
  arxiv: (p) => p.arxiv === undefined,
  authors: (p) => p.authors.length === 0 || p.authorsTruncated,
  date: (p) => p.date?.day === undefined || p.provenance?.['date']?.via === 'seed' || p.provenance?.['date']?.via === 'arxiv-id',
  venue: (p) => p.venue === undefined,
};
if (field !== undefined && !(field in lacks)) {
  process.stderr.write(`unknown --field "${field}"; use one of: ${Object.keys(lacks).join(', ')}\n`);
  process.exit(2);
}
const { corpus } = readCorpus(join(REPO, 'seeds'));
const todo = corpus.papers.filter((p) => (field ? [lacks[field]] : [lacks['arxiv'], lacks['authors'], lacks['date']]).some((f) => f?.(p)));
for (const p of todo) {
  process.stdout.write(
    `${JSON.stringify({
      id: p.id,
      title: p.title,
      shortName: p.shortName,
      seedAuthors: p.authors.map((a) => a.name),
      seedAuthorsTruncated: p.authorsTruncated,
      seedDate: p.date ?? {},
      arxiv: p.arxiv,
      category: p.category,
      codeUrl: p.codeUrl,
      abstractStart: snippet(p.abstract, 160),
    })}\n`,
  );
}
process.stderr.write(`${todo.length} of ${corpus.papers.length} papers${field ? ` lack ${field}` : ' lack an arXiv id, a complete author list or a first-version date'}\n`);

import * as assert from 'node:assert/strict';
import { cleanText, findUrls, foldForSearch } from '../../src/core/text/clean';
import { realCorpus } from '../support/realCorpus';

suite('cleanText: LaTeX and Markdown residue to Unicode', () => {
  const cases: [string, string, string][] = [
    ['accent macro', 'Code Llama (Rozi\\`ere et al., 2023)', 'Code Llama (Rozière et al., 2023)'],
    ['umlaut macro', 'Nystr\\"om approximation', 'Nyström approximation'],
    ['braced accent', 'Erd{\\H o}s and G{\\"o}del', 'Erdős and Gödel'],
    ['escaped apostrophe is not an acute s', "the point query\\'s content", "the point query's content"],
    ['escaped percent', 'up to 50\\% and 40\\%', 'up to 50% and 40%'],
    ['textbf', 'introducing \\textbf{Positional Encoding} (PIE)', 'introducing Positional Encoding (PIE)'],
    ['unbalanced textbf', 'by introducing \\textbf{Positional \\textbf{Integrity Encoding} (PIE). Next', 'by introducing Positional Integrity Encoding (PIE). Next'],
    ['textit', 'we introduce \\textit{DiffuseKronA}, a novel', 'we introduce DiffuseKronA, a novel'],
    ['inline math superscript', 'S$^{2}$FT: Efficient', 'S²FT: Efficient'],
    ['bare superscript braces', 'Fine-Tuning (S^{2}FT) methods', 'Fine-Tuning (S²FT) methods'],
    ['caret digit', 'U^2-Net and SRe^2L and V^2L', 'U²-Net and SRe²L and V²L'],
    ['big exponent', 'sub-networks (> 10^{19}) that', 'sub-networks (> 10¹⁹) that'],
    ['subscript digit', 'H_2O: Heavy-Hitter Oracle', 'H₂O: Heavy-Hitter Oracle'],
    ['braced subscript', 'in AP_{25}/AP_{50} from', 'in AP₂₅/AP₅₀ from'],
    ['lost \\times between numbers', 'ImageNet 256times256 and 1,536times1,536', 'ImageNet 256×256 and 1,536×1,536'],
    ['lost \\times after a number', '20.6times speedup, 3-4times faster', '20.6× speedup, 3-4× faster'],
    ['"sometimes" is a word', 'and sometimes outperform', 'and sometimes outperform'],
    ['lost \\sim', 'regions (sim50\\%) and 20sim 100 samples', 'regions (~50%) and 20~100 samples'],
    ['textasciitilde', 'approximately \\textasciitilde42\\% time', 'approximately ~42% time'],
    ['\\ie and \\eg', 'transformers (\\ie shift, scale) on (\\eg ImageNet-22k)', 'transformers (i.e. shift, scale) on (e.g. ImageNet-22k)'],
    ['\\vs', 'accuracy \\vs image throughput', 'accuracy vs. image throughput'],
    ['lost-backslash superscripts', 'Intel^circledR Core^{tiny TM} Ultra and U^2-Net^{dagger}', 'Intel® Core™ Ultra and U²-Net†'],
    ['lost \\frac', 'can achieve 1{16} token sparsity', 'can achieve 1/16 token sparsity'],
    ['dollar that became a backslash', 'within a \\10,000 Budget', 'within a $10,000 Budget'],
    ['markdown bold', 'we introduce **TransMLA**, a method', 'we introduce TransMLA, a method'],
    ['markdown bold around a number', 'from 78.33% to **85.67**%, a new', 'from 78.33% to 85.67%, a new'],
    ['glued this-https-URL', 'Code is at https://github.com/a/b/c.md{this https URL}.', 'Code is at https://github.com/a/b/c.md.'],
    ['glued URL copy', 'from https://github.com/x/AdaFisher{https://github.com/x/AdaFisher}', 'from https://github.com/x/AdaFisher'],
    ['underscores inside URLs stay', 'at https://github.com/ziplab/Stitched_LLaMA and H_2O', 'at https://github.com/ziplab/Stitched_LLaMA and H₂O'],
    ['literal braces in prose stay', "'What happened {time}{place}?'", "'What happened {time}{place}?'"],
    ['unknown macro keeps its name', 'we propose \\OurMethod, a MLLM', 'we propose OurMethod, a MLLM'],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => assert.equal(cleanText(input), expected));
  }

  test('is idempotent on its own output', () => {
    for (const [, input] of cases) assert.equal(cleanText(cleanText(input)), cleanText(input), input);
  });
});

suite('findUrls and foldForSearch', () => {
  test('finds each URL once, without glued copies or trailing punctuation', () => {
    assert.deepEqual(findUrls('See https://a.io/x{https://a.io/x}. Also (https://b.org/y).'), ['https://a.io/x', 'https://b.org/y']);
  });
  test('folds super/subscripts and accents to ASCII for matching', () => {
    assert.equal(foldForSearch('S²FT, H₂O, Rozière, 256×256'), 'S2FT, H2O, Roziere, 256x256');
  });
  test('plain ASCII folds as the full normalisation folds it', () => {
    // A trailing "é" sends the same text down the normalising path.
    for (const p of realCorpus().papers) {
      for (const text of [p.title, p.abstract, p.abstractRaw]) assert.equal(`${foldForSearch(text)} e`, foldForSearch(`${text} é`), p.id);
    }
  });
});

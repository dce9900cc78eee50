import * as assert from 'node:assert/strict';
import { GROUPINGS, type Grouping, groupPapers } from '../../src/core/browse/grouping';
import { type GroupNode, type PaperNode, type TechniqueNode, type TreeNode, nodeId, paperDetails, parentOf } from '../../src/extension/tree/nodes';
import { realData } from '../support/realCorpus';

const HILO = 'fast-vision-transformers-with-hilo-attention';

/** A tree as its provider builds it (the Papers view in a grouping, or the Techniques view): every node, each under its parent. */
function treeNodes(mode: Grouping | 'techniques'): TreeNode[] {
  const d = realData();
  const out: TreeNode[] = [];
  const withDetails = (p: PaperNode): void => {
    out.push(p, ...paperDetails(p, 'key'));
  };
  if (mode !== 'techniques') {
    for (const group of groupPapers(d.corpus, d.lexicon, mode)) {
      const g: GroupNode = { kind: 'group', group };
      out.push(g);
      for (const id of group.paperIds) withDetails({ kind: 'paper', paper: d.papersById.get(id) ?? assert.fail(id), parent: g });
    }
    return out;
  }
  for (const technique of d.lexicon.techniques) {
    const t: TechniqueNode = { kind: 'technique', technique };
    out.push(t);
    for (const tp of technique.papers) {
      const paper = d.papersById.get(tp.id);
      if (paper) withDetails({ kind: 'paper', paper, parent: t, role: tp.role });
    }
  }
  return out;
}

suite('sidebar tree nodes (no vscode)', () => {
  test('ids are unique within each tree, and a child id extends its parent id', () => {
    for (const mode of [...GROUPINGS, 'techniques'] as const) {
      const nodes = treeNodes(mode);
      const ids = nodes.map(nodeId);
      assert.equal(new Set(ids).size, ids.length, mode);
      for (const n of nodes) {
        const parent = parentOf(n);
        if (parent) assert.ok(nodeId(n).startsWith(`${nodeId(parent)}/`), nodeId(n));
        else assert.ok(n.kind === 'group' || n.kind === 'technique', nodeId(n));
      }
    }
  });
  test('ids keep the form they had: reveal and expansion state survive an update', () => {
    const hilo = realData().papersById.get(HILO) ?? assert.fail(HILO);
    const group: GroupNode = { kind: 'group', group: { id: 'year:2022', label: '2022', paperIds: [HILO] } };
    const inGroup: PaperNode = { kind: 'paper', paper: hilo, parent: group };
    assert.equal(nodeId(inGroup), `year:2022/paper:${HILO}`);
    assert.equal(nodeId({ kind: 'paper', paper: hilo, parent: undefined }), `filter/paper:${HILO}`);
    const technique = realData().lexicon.techniques.find((t) => t.name === 'HiLo') ?? assert.fail('HiLo');
    const underTechnique: PaperNode = { kind: 'paper', paper: hilo, parent: { kind: 'technique', technique }, role: 'introduces' };
    assert.equal(nodeId(underTechnique), `technique:${technique.id}/paper:${HILO}`);
    const details = paperDetails(underTechnique, 'pan2022fast');
    assert.deepEqual(details.map((n) => nodeId(n)).slice(0, 2), [`technique:${technique.id}/paper:${HILO}/Authors`, `technique:${technique.id}/paper:${HILO}/Date`]);
    // The parent is the node itself, role included: nothing is looked up again.
    assert.equal(parentOf(details[0] ?? assert.fail()), underTechnique);
    assert.equal(parentOf(underTechnique)?.kind, 'technique');
  });
  test("a paper's details: what is known, in the order a reader checks it", () => {
    const hilo = realData().papersById.get(HILO) ?? assert.fail(HILO);
    const labels = paperDetails({ kind: 'paper', paper: hilo, parent: undefined }, 'pan2022fast').map((n) => n.label);
    assert.deepEqual(labels, ['Authors', 'Date', 'Published', 'Key', 'arXiv', 'Code', 'Abstract', 'Sources']);
  });
});

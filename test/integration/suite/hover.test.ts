import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { internals, hoverText, open, positionOf } from './helpers';

const hovers = (uri: vscode.Uri, pos: vscode.Position): Thenable<vscode.Hover[]> =>
  vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);

suite('hover cards in a real editor', () => {
  suiteSetup(async () => {
    await (await internals()).data.getComplete();
  });

  test('MultiHeadLatentAttention in Python shows the MLA card with its papers and actions', async () => {
    const e = await open('model.py');
    const text = hoverText(await hovers(e.document.uri, positionOf(e.document, 'class MultiHeadLatentAttention', 10)));
    assert.match(text, /\*\*MLA\*\* — Multi\\-head Latent Attention/);
    assert.match(text, /TransMLA/);
    assert.match(text, /command:paperlens\.insertCitation\?/);
    assert.match(text, /command:paperlens\.searchRelated\?/);
  });

  test('kv_cache, use_mla and the RoPE helper each get their technique', async () => {
    const e = await open('model.py');
    const at = (needle: string, offset = 1) => hovers(e.document.uri, positionOf(e.document, needle, offset)).then(hoverText);
    assert.match(await at('kv_cache: KVCache'), /\*\*KV cache\*\*/);
    assert.match(await at('use_mla: bool'), /\*\*MLA\*\*/);
    assert.match(await at('apply_rotary_pos_emb(q, k', 8), /\*\*RoPE\*\*/);
  });

  test('ordinary identifiers show no PaperLens card', async () => {
    const e = await open('model.py');
    for (const needle of ['seed: int = 0', 'torch.manual_seed(seed)', 'self.gate = nn.Linear', 'return self.latent']) {
      const text = hoverText(await hovers(e.document.uri, positionOf(e.document, needle, 1)));
      assert.doesNotMatch(text, /PaperLens|\*\*[A-Z]/, needle);
      assert.doesNotMatch(text, /command:paperlens/, needle);
    }
  });

  test('a technique in LaTeX prose spans words: "KV cache"', async () => {
    const e = await open('paper.tex');
    const text = hoverText(await hovers(e.document.uri, positionOf(e.document, 'KV cache the bottleneck', 4)));
    assert.match(text, /\*\*KV cache\*\*/);
  });

  test('a citation key in \\cite{…} shows its paper', async () => {
    const e = await open('paper.tex');
    const text = hoverText(await hovers(e.document.uri, positionOf(e.document, 'pan2022fast}', 3)));
    assert.match(text, /Fast Vision Transformers with HiLo Attention/);
  });

  /** A new file in the workspace, opened in an editor. */
  const scratch = async (name: string, text: string): Promise<vscode.TextEditor> => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/'), 'hover-cases', name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  };

  test('the whole file decides: a docstring across lines is prose, and an ordinary Python file gets no card', async () => {
    const ml = await scratch('ml.py', 'import torch\n\ndef f(x):\n    """Computes\n    multi-head latent attention over x."""\n    mode = "train"\n    return x\n');
    assert.match(hoverText(await hovers(ml.document.uri, positionOf(ml.document, 'latent attention', 2))), /\*\*MLA\*\*/);
    assert.doesNotMatch(hoverText(await hovers(ml.document.uri, positionOf(ml.document, 'mode =', 1))), /command:paperlens/);
    const web = await scratch('web.py', 'import ssl\n\ndef get(url, verify_ssl=True, mode="r"):\n    # use the KV cache of the proxy\n    return url\n');
    for (const needle of ['verify_ssl', 'mode="r"', 'KV cache']) {
      assert.doesNotMatch(hoverText(await hovers(web.document.uri, positionOf(web.document, needle, 1))), /command:paperlens/, needle);
    }
  });

  test("a technique's own code: class MedusaModel makes medusa_choices Medusa", async () => {
    const e = await scratch('medusa.py', 'import torch\n\nclass MedusaModel(torch.nn.Module):\n    pass\n\nmedusa_choices = [[0], [0, 0]]\n');
    assert.match(hoverText(await hovers(e.document.uri, positionOf(e.document, 'medusa_choices', 1))), /\*\*Medusa\*\*/);
  });

  test('the technique under the cursor: GlmMoeDsaModel is MoE on "Moe" and DSA on "Dsa"', async () => {
    const e = await scratch('glm.js', "import { AutoModel } from '@huggingface/transformers';\nexport class GlmMoeDsaModel extends AutoModel {}\n");
    assert.match(hoverText(await hovers(e.document.uri, positionOf(e.document, 'GlmMoeDsaModel', 4))), /\*\*MoE\*\*/);
    assert.match(hoverText(await hovers(e.document.uri, positionOf(e.document, 'GlmMoeDsaModel', 7))), /\*\*DSA\*\*/);
  });

  test('an arXiv link or id in any file shows its paper, with its venue and an arXiv action; an unknown id shows nothing', async () => {
    const e = await scratch(
      'links.py',
      '# Based on https://arxiv.org/abs/2205.13213v2 (HiLo)\n# also arXiv:2502.07864 and https://arxiv.org/abs/2101.99999\nx = 2205.13213\n',
    );
    const hilo = hoverText(await hovers(e.document.uri, positionOf(e.document, 'arxiv.org/abs/2205', 4)));
    assert.match(hilo, /Fast Vision Transformers with HiLo Attention/);
    assert.match(hilo, /2022 · NeurIPS 2022 · Zizheng Pan/);
    assert.match(hilo, /\[Open on arXiv\]\(command:paperlens\.openOnArxiv\?%5B%22fast-vision-transformers-with-hilo-attention%22%5D/);
    assert.match(hoverText(await hovers(e.document.uri, positionOf(e.document, 'arXiv:2502', 3))), /TransMLA/);
    assert.doesNotMatch(hoverText(await hovers(e.document.uri, positionOf(e.document, '2101.99999', 3))), /command:paperlens/);
    assert.doesNotMatch(hoverText(await hovers(e.document.uri, positionOf(e.document, 'x = 2205', 6))), /command:paperlens/); // a bare number
  });

  test('a key an earlier release gave a paper still shows it: \\cite{transmla}, \\cite{transmla2025}', async () => {
    const e = await scratch('old.tex', '\\documentclass{article}\n\\begin{document}\nAs in \\cite{transmla} and \\cite{transmla2025}.\n\\end{document}\n');
    const text = hoverText(await hovers(e.document.uri, positionOf(e.document, 'transmla}', 3)));
    assert.match(text, /TransMLA\\: Multi\\-head Latent Attention/);
    assert.match(text, /Key: `meng2025transmla`, cited here by its earlier key `transmla`/);
    const later = hoverText(await hovers(e.document.uri, positionOf(e.document, 'transmla2025}', 3)));
    assert.match(later, /Key: `meng2025transmla`, cited here by its earlier key `transmla2025`/);
  });

  test('the card trusts only PaperLens commands and never HTML', async () => {
    const e = await open('model.py');
    const [h] = await hovers(e.document.uri, positionOf(e.document, 'class MultiHeadLatentAttention', 10));
    const md = h?.contents.find((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
    if (md) {
      assert.equal(md.supportHtml, false);
      const trusted = md.isTrusted;
      assert.ok(typeof trusted === 'object' && trusted.enabledCommands.every((c) => c.startsWith('paperlens.')));
    }
  });
});

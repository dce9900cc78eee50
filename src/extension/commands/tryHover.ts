import * as vscode from 'vscode';
import { Command } from '../constants';

/** A few lines of model code whose names have papers behind them. */
export const HOVER_SAMPLE = `# Rest the mouse on a name: MultiHeadLatentAttention, kv_cache, use_mla, apply_rotary_pos_emb.
import torch
from torch import nn


class MultiHeadLatentAttention(nn.Module):
    def __init__(self, dim: int, n_heads: int, kv_lora_rank: int, use_mla: bool = True):
        super().__init__()
        self.use_mla = use_mla
        self.kv_cache = None

    def forward(self, q, k, cos, sin):
        q, k = apply_rotary_pos_emb(q, k, cos, sin)
        return torch.softmax(q @ k.transpose(-1, -2), dim=-1)
`;

/** Opens an untitled Python file to hover technique names in (the walkthrough's second step). */
export function registerTryHover(): vscode.Disposable {
  return vscode.commands.registerCommand(Command.tryHover, async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: HOVER_SAMPLE });
    const editor = await vscode.window.showTextDocument(doc);
    const line = HOVER_SAMPLE.split('\n').findIndex((l) => l.startsWith('class MultiHeadLatentAttention'));
    const pos = new vscode.Position(line, 'class '.length);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
    return doc.uri;
  });
}

import type * as vscode from 'vscode';

/** Composition root. The features arrive in later changes. */
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}

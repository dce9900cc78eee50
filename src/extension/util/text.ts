// Text for VS Code's UI. No `vscode` import: it is tested in plain Node.

/**
 * Quick pick labels, descriptions and details render `$(name)` as an icon;
 * in paper text it is text, so a zero-width space breaks it up.
 *
 * @example
 * noIcons('costs $(zap)') // => 'costs $\u200b(zap)'
 */
export const noIcons = (text: string): string => text.replace(/\$\(/g, '$\u200b(');

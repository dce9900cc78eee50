/**
 * VS Code language ids by file extension, for the CLI, which has no editor
 * to ask. Unknown extensions are treated as code ("plaintext" would make
 * every line prose).
 *
 * @example
 * languageIdForPath('model.py') // => 'python'
 * languageIdForPath('paper.tex') // => 'latex'
 */
export function languageIdForPath(path: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return EXTENSIONS[ext] ?? 'code';
}

const EXTENSIONS: Record<string, string> = {
  py: 'python', pyi: 'python', ipynb: 'python',
  ts: 'typescript', tsx: 'typescriptreact', js: 'javascript', jsx: 'javascriptreact', mjs: 'javascript', cjs: 'javascript',
  c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', hpp: 'cpp', hh: 'cpp', cu: 'cuda-cpp', cuh: 'cuda-cpp',
  rs: 'rust', go: 'go', java: 'java', kt: 'kotlin', scala: 'scala', swift: 'swift', jl: 'julia', r: 'r',
  lua: 'lua', sh: 'shellscript', bash: 'shellscript', yaml: 'yaml', yml: 'yaml', toml: 'toml',
  tex: 'latex', sty: 'latex', bib: 'bibtex', md: 'markdown', markdown: 'markdown', qmd: 'quarto', rmd: 'rmd',
  txt: 'plaintext', rst: 'restructuredtext',
};

/** mocha.setup must run before the suites are imported; imports run in order, so it lives here. */
mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 30_000, color: false });

/** util.format's %s/%d/%j, which the spec reporter's templates need; there is no node:util here. */
function format(first: unknown, ...rest: unknown[]): string {
  if (typeof first !== 'string') return [first, ...rest].map(String).join(' ');
  let i = 0;
  const out = first.replace(/%[sdj%]/g, (m) => {
    if (m === '%%') return '%';
    if (i >= rest.length) return m;
    const v = rest[i++];
    return m === '%j' ? JSON.stringify(v) : m === '%d' ? String(Number(v)) : String(v);
  });
  return [out, ...rest.slice(i).map(String)].join(' ');
}
Mocha.reporters.Base.consoleLog = (...a: unknown[]) => console.log(format(a[0], ...a.slice(1)));

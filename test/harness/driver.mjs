#!/usr/bin/env node
// Offline VS Code test driver: code-server (VS Code 1.139 server, Node 24) + Debian Chromium via playwright-core.
//
// Usage:
//   node driver.mjs --extensionDevelopmentPath=<abs> [--extensionTestsPath=<abs js>] [--folder=<abs>]
//                   [--e2e=<abs .mjs exporting async function(page, ctx)>] [--screenshots=<dir>]
//                   [--timeout=<seconds>] [--logs=<dir>] [--summary-json=<file>] [--verbose] [--keep-temp]
//
// Also usable as the "VS Code executable" of @vscode/test-electron's runTests(): accepts
// --extensionDevelopmentPath=, --extensionTestsPath=, a positional folder (or .code-workspace), and ignores
// every other flag (--disable-extensions, --no-sandbox, --user-data-dir=..., --extensions-dir=..., ...).
//
// Exit code: the extension host's exit code (0 = all mocha tests passed); 1 when the e2e module throws
// or the mocha summary reports failures; 124 on overall timeout; 2 on usage/setup errors; 130 on SIGINT.
//
// Env: VSCODE_TEST_CACHE (folder of install-vscode.sh, default ./.vscode-test, then <driver dir>/.vscode-test),
//      VSCODE_TEST_TIMEOUT (s), VSCODE_TEST_VERBOSE=1, VSCODE_TEST_LOGS (dir), CHROMIUM_PATH (default /usr/bin/chromium).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const T0 = Date.now();
const elapsed = () => ((Date.now() - T0) / 1000).toFixed(1) + 's';
const say = (...a) => console.log(`[driver ${elapsed()}]`, ...a);
const warn = (...a) => console.error(`[driver ${elapsed()}]`, ...a);

const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
const VIEWPORT = { width: 1400, height: 900 };
const SUMMARY_RE = /__MOCHA_SUMMARY__(\{.*\})/;

// ------------------------------------------------------------------ arguments
const VALUE_FLAGS = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'folder', 'screenshots', 'e2e',
  'timeout', 'logs', 'summary-json', 'extensionDevelopmentKind', 'install-extension', 'settings']);
const BOOL_FLAGS = new Set(['verbose', 'keep-temp', 'help', 'serve', 'restricted']);

function parseArgs(argv) {
  const o = { devPaths: [], ignored: [], positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
      let val = eq > 0 ? a.slice(eq + 1) : undefined;
      if (BOOL_FLAGS.has(key)) { o[key] = val === undefined ? true : val !== 'false'; continue; }
      if (!VALUE_FLAGS.has(key)) { o.ignored.push(a); continue; }
      if (val === undefined) val = argv[++i]; // our own flags also accept "--key value"
      if (val === undefined) throw new UsageError(`--${key} needs a value`);
      if (key === 'extensionDevelopmentPath') o.devPaths.push(val); else o[key] = val;
    } else if (a.startsWith('-')) {
      o.ignored.push(a);
    } else {
      o.positionals.push(a);
    }
  }
  if (!o.folder && o.positionals.length) o.folder = o.positionals.shift();
  o.ignored.push(...o.positionals);
  return o;
}
class UsageError extends Error {}

const USAGE = `usage: node driver.mjs --extensionDevelopmentPath=<abs> [--extensionTestsPath=<abs js>] [--folder=<abs>|<folder>]
       [--extensionDevelopmentKind=web] [--install-extension=<vsix>] [--settings=<json>] [--restricted] [--e2e=<abs .mjs>] [--screenshots=<dir>] [--timeout=<s>] [--logs=<dir>] [--summary-json=<file>] [--verbose] [--keep-temp]
       node driver.mjs --serve --extensionDevelopmentPath=<abs> [--folder=<abs>]   (interactive: prints a URL to open)`;

// ------------------------------------------------------------------ install lookup
function findInstall() {
  const candidates = process.env.VSCODE_TEST_CACHE
    ? [path.resolve(process.env.VSCODE_TEST_CACHE)]
    : [path.resolve('.vscode-test'), path.join(HERE, '.vscode-test')];
  for (const dir of candidates) {
    const f = path.join(dir, 'paths.json');
    if (fs.existsSync(f)) {
      const p = JSON.parse(fs.readFileSync(f, 'utf8'));
      p.node = path.resolve(dir, p.node); // paths.json holds paths relative to the cache folder
      p.codeServerEntry = path.resolve(dir, p.codeServerEntry);
      if (fs.existsSync(p.node) && fs.existsSync(p.codeServerEntry)) return { ...p, cacheDir: dir };
    }
  }
  throw new UsageError(`code-server install not found in ${candidates.join(' or ')} (no valid paths.json). ` +
    `Run install-vscode.sh first (or set VSCODE_TEST_CACHE).`);
}

// ------------------------------------------------------------------ state + cleanup
const state = {
  server: null, serverLog: [], workbenchLog: [], browser: null, page: null, runDir: null,
  finishing: false, workbenchLogs: null, mocha: null, e2e: null, opts: null, install: null,
};

function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}` + absPath.split('/').map(encodeURIComponent).join('/');
}

// True while the process group has a member that is not a zombie. Zombies are ignored: orphans
// are reaped by PID 1, which in containers can take ~1 s, and they hold no resources.
function groupAlive(pgid) {
  if (process.platform === 'linux') {
    try {
      for (const d of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(d)) continue;
        let stat;
        try { stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8'); } catch { continue; }
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // [state, ppid, pgrp, ...]
        if (Number(f[2]) === pgid && f[0] !== 'Z') return true;
      }
      return false;
    } catch { /* fall through */ }
  }
  try { process.kill(-pgid, 0); return true; } catch { return false; }
}

async function stopServer() {
  const srv = state.server;
  if (!srv) return;
  // code-server was spawned detached, so it leads its own process group, which also holds the
  // extension host and other helpers: signal the whole group.
  const alive = () => groupAlive(srv.pid);
  const waitGone = async (ms) => { for (let t = 0; t < ms && alive(); t += 50) await sleep(50); };
  if (!alive()) return;
  try { process.kill(-srv.pid, 'SIGTERM'); } catch { /* gone */ }
  await waitGone(1000);
  if (alive()) { try { process.kill(-srv.pid, 'SIGKILL'); } catch { /* gone */ } }
  await waitGone(2000);
  if (alive()) warn(`process group ${srv.pid} still alive after SIGKILL`);
}

async function saveFailureArtifacts(reason) {
  const o = state.opts || {};
  const dir = path.resolve(o.logs || process.env.VSCODE_TEST_LOGS ||
    path.join(state.install?.cacheDir || path.resolve('.vscode-test'), 'logs',
      'run-' + new Date().toISOString().replace(/[:.]/g, '-')));
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'reason.txt'), reason + '\n');
    fs.writeFileSync(path.join(dir, 'code-server.log'), state.serverLog.join('\n') + '\n');
    fs.writeFileSync(path.join(dir, 'workbench-console.log'), state.workbenchLog.join('\n') + '\n');
    // Server-side logs (remote agent, remote extension host, ...) from code-server's user-data-dir.
    const serverLogs = state.runDir && path.join(state.runDir, 'user-data', 'logs');
    if (serverLogs && fs.existsSync(serverLogs)) fs.cpSync(serverLogs, path.join(dir, 'server-logs'), { recursive: true });
    let logs = state.workbenchLogs;
    if (!logs && state.page && !state.page.isClosed()) {
      // Timeout case: the smoke-test driver object can still hand out the workbench logs.
      logs = await Promise.race([
        state.page.evaluate(() => globalThis.driver?.getLogs?.()).catch(() => null), sleep(5000).then(() => null)]);
    }
    for (const l of logs || []) {
      const f = path.join(dir, 'workbench', l.relativePath.replace(/^(\.\.\/)+/, ''));
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, l.contents);
    }
    if (state.page && !state.page.isClosed()) {
      const shotDir = o.screenshots ? path.resolve(o.screenshots) : dir;
      fs.mkdirSync(shotDir, { recursive: true });
      await Promise.race([state.page.screenshot({ path: path.join(shotDir, 'failure.png') }).catch(() => {}), sleep(5000)]);
    }
    warn(`failure artifacts saved in ${dir}`);
  } catch (e) {
    warn(`could not save failure artifacts: ${e.message}`);
  }
}

async function finish(code, reason) {
  if (state.finishing) return;
  state.finishing = true;
  if (code !== 0) {
    warn(`FAILED (exit ${code}): ${reason}`);
    await saveFailureArtifacts(reason);
  }
  await Promise.all([
    state.browser ? Promise.race([state.browser.close().catch(() => {}), sleep(5000)]) : null,
    stopServer(),
  ]);
  if (state.runDir && !state.opts?.['keep-temp']) fs.rmSync(state.runDir, { recursive: true, force: true });
  else if (state.runDir) say(`kept temp dir ${state.runDir}`);
  const m = state.mocha;
  const summary = { exitCode: code, reason: code ? reason : undefined, mocha: m, e2e: state.e2e, seconds: (Date.now() - T0) / 1000 };
  if (state.opts?.['summary-json']) fs.writeFileSync(path.resolve(state.opts['summary-json']), JSON.stringify(summary, null, 2) + '\n');
  say(`result: ${m ? `mocha ${m.passes}/${m.tests} passed, ${m.failures} failed; ` : ''}` +
    `${state.e2e ? `e2e ${state.e2e.ok ? 'passed' : 'FAILED'}; ` : ''}exit ${code}`);
  process.exit(code);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ code-server
function makeRunDir() {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-harness-'));
  const d = {};
  for (const k of ['home', 'config', 'data', 'cache', 'state', 'runtime', 'tmp', 'user-data', 'extensions']) {
    d[k] = path.join(runDir, k);
    fs.mkdirSync(d[k], { recursive: true, mode: 0o700 });
  }
  // Quiet, deterministic user settings (server side: <user-data-dir>/User/settings.json).
  fs.mkdirSync(path.join(d['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(path.join(d['user-data'], 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    // --restricted: workspace trust on and never granted, so the folder opens in Restricted Mode.
    'security.workspace.trust.enabled': state.opts.restricted === true,
    ...(state.opts.restricted ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' } : {}),
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'git.enabled': false,
    'files.autoSave': 'off', // code-server's web default would write test edits back into the fixture workspace
    // --settings=<json file>: more user settings for this run (e.g. remote.extensionKind for the web host).
    ...(state.opts.settings ? JSON.parse(fs.readFileSync(state.opts.settings, 'utf8')) : {}),
  }, null, 2));
  return { runDir, d };
}

/** Installs a .vsix into this run's extensions folder, as a user would (`code --install-extension`). */
function installExtension(install, d, vsix) {
  const r = spawnSync(install.node, [install.codeServerEntry, '--user-data-dir', d['user-data'], '--extensions-dir', d.extensions, '--install-extension', vsix], {
    env: { ...process.env, HOME: d.home, XDG_CONFIG_HOME: d.config, XDG_DATA_HOME: d.data, XDG_CACHE_HOME: d.cache, TMPDIR: d.tmp },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (exit ${r.status}): ${r.stderr || r.stdout}`);
  say(`installed ${path.basename(vsix)}: ${(r.stdout || '').trim().split('\n').pop()}`);
}

async function startServer(install, d) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (k.startsWith('VSCODE_IPC') || k === 'ELECTRON_RUN_AS_NODE' || k === 'VSCODE_PID' || k === 'VSCODE_CWD') delete env[k];
  }
  Object.assign(env, {
    HOME: d.home, XDG_CONFIG_HOME: d.config, XDG_DATA_HOME: d.data, XDG_CACHE_HOME: d.cache,
    XDG_STATE_HOME: d.state, XDG_RUNTIME_DIR: d.runtime, TMPDIR: d.tmp, VSCODE_TEST_HARNESS: '1',
  });
  const args = [install.codeServerEntry,
    '--auth', 'none', '--bind-addr', '127.0.0.1:0',
    '--user-data-dir', d['user-data'], '--extensions-dir', d.extensions,
    '--disable-telemetry', '--disable-update-check', ...(state.opts.restricted ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override', '--ignore-last-opened',
    '--vscode-option', 'enable-smoke-test-driver', // essential: without it the payload is ignored
  ];
  const srv = spawn(install.node, args, { env, cwd: d.home, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  state.server = srv;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('code-server did not print "HTTP server listening on" within 30 s')), 30000);
    const onLine = (line) => {
      state.serverLog.push(line);
      if (state.opts.verbose) console.log(`[code-server] ${line}`);
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+)\/?)/.exec(line);
      if (m) { clearTimeout(timer); resolve({ baseUrl: m[1].replace(/\/?$/, '/'), port: Number(m[2]) }); }
    };
    readline.createInterface({ input: srv.stdout }).on('line', onLine);
    readline.createInterface({ input: srv.stderr }).on('line', onLine);
    srv.on('error', (e) => { clearTimeout(timer); reject(e); });
    srv.on('exit', (code, sig) => {
      clearTimeout(timer);
      const msg = `code-server exited (code ${code}, signal ${sig})`;
      if (!state.finishing) reject(new Error(msg + '\n' + state.serverLog.slice(-20).join('\n')));
    });
  });
}

// ------------------------------------------------------------------ workbench
function workbenchUrl(server, o, withTests) {
  const payload = [];
  for (const p of o.devPaths) payload.push(['extensionDevelopmentPath', remoteUri(server.port, p)]);
  // "web" runs the extension under development (and its tests) in the web worker extension host.
  if (o.extensionDevelopmentKind) payload.push(['extensionDevelopmentKind', o.extensionDevelopmentKind]);
  if (withTests) payload.push(['extensionTestsPath', remoteUri(server.port, o.extensionTestsPath)]);
  payload.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true']);
  const q = [];
  if (o.folder) q.push((o.folder.endsWith('.code-workspace') ? 'workspace=' : 'folder=') + encodeURIComponent(o.folder));
  else q.push('ew=true');
  q.push('payload=' + encodeURIComponent(JSON.stringify(payload)));
  return `${server.baseUrl}?${q.join('&')}`;
}

// In extension-test mode the workbench forwards the extension host's console output to its log
// service WITHOUT any prefix (MainThreadConsole, isExtensionDevTestFromCli), so it cannot be told
// apart from the workbench's own info lines by format. We therefore print every line except known
// workbench chatter (list below, extend as needed); --verbose prints everything. Unknown new
// workbench lines only add noise; test output is never lost.
const WORKBENCH_NOISE = [
  /^Resolving connection token/, /^Resolved connection token/, /^Creating a socket/,
  /^\[reconnection-grace-time\]/, /^Updating additional builtin extensions cache/, /^\[Service Worker\]/,
  /^\[AgentHost/, /^\[AccountPolicyGate\]/, /ENOTFOUND/, /ERR_NAME_NOT_RESOLVED/, /^\[lifecycle\]/,
  /^\[driver\]/, /^\[perf\]/, /^\[remote-tunnel\]/, /^Extension host \(/, /^\[Extension Host\] \(.*\) ?$/,
  /^Started local extension host/, /^Ignoring the error while validating workspace folder/,
];
function onWorkbenchLog(level, msg) {
  const text = String(msg);
  state.workbenchLog.push(`[${level}] ${text}`);
  const m = SUMMARY_RE.exec(text);
  if (m) { try { state.mocha = JSON.parse(m[1]); } catch { /* ignore */ } }
  if (state.opts.verbose) { console.log(`[workbench:${level}] ${text}`); return; }
  if (level === 'trace' || level === 'debug' || WORKBENCH_NOISE.some((re) => re.test(text))) return;
  const out = text.replace(/^\[Extension Host\] ?/, '').replace(/\s+$/, '');
  (level === 'error' || level === 'warn' ? console.error : console.log)(out);
}

async function openWorkbench(server, o, { withTests, label }) {
  const context = await state.browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
  const page = await context.newPage();
  state.page = page;
  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationLog', (level, msg) => onWorkbenchLog(level, msg));
  await page.exposeFunction('codeAutomationExit', (code, logs) => { resolveExit({ code, logs }); });
  page.on('console', (m) => {
    state.workbenchLog.push(`[browser:${m.type()}] ${m.text()}`);
    if (o.verbose && !m.text().startsWith('%c')) console.log(`[browser:${m.type()}] ${m.text()}`);
  });
  page.on('pageerror', (e) => state.workbenchLog.push(`[pageerror] ${e.stack || e}`));
  const url = workbenchUrl(server, o, withTests);
  if (o.verbose) say(`${label}: ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return { context, page, exited };
}

async function runExtensionTests(server, o) {
  say(`extension tests: ${o.extensionTestsPath}`);
  const { context, exited } = await openWorkbench(server, o, { withTests: true, label: 'tests' });
  const { code, logs } = await exited;
  state.workbenchLogs = logs;
  say(`extension host exited with code ${code}`);
  let result = Number.isInteger(code) ? code : 1;
  if (result === 0 && state.mocha && state.mocha.failures > 0) result = 1;
  if (result !== 0) return result; // keep page for the failure screenshot
  await context.close().catch(() => {});
  state.page = null;
  return result;
}

async function runE2E(server, o, install) {
  say(`e2e: ${o.e2e}`);
  const mod = await import(pathToFileURL(o.e2e).href);
  const fn = typeof mod.default === 'function' ? mod.default : mod.run;
  if (typeof fn !== 'function') throw new UsageError(`${o.e2e} must export a default async function(page, ctx) (or run)`);
  const { page } = await openWorkbench(server, o, { withTests: false, label: 'e2e' });
  // With the smoke-test driver on, the workbench installs window.driver; wait for "restored".
  await page.waitForFunction(() => !!globalThis.driver, null, { timeout: 60000 });
  await page.evaluate(() => globalThis.driver.whenWorkbenchRestored());
  await page.locator('#workbench\\.parts\\.activitybar').waitFor({ state: 'visible', timeout: 30000 });
  const shotDir = o.screenshots ? path.resolve(o.screenshots) : null;
  if (shotDir) fs.mkdirSync(shotDir, { recursive: true });
  const ctx = {
    baseUrl: server.baseUrl, port: server.port, folder: o.folder, extensionDevelopmentPath: o.devPaths[0],
    screenshotsDir: shotDir, vscodeVersion: install.vscodeVersion,
    log: (...a) => console.log('[e2e]', ...a),
    async screenshot(name, opts = {}) {
      if (!shotDir) return null;
      const file = path.join(shotDir, name.endsWith('.png') ? name : `${name}.png`);
      await page.screenshot({ path: file, ...opts });
      console.log(`[e2e] screenshot ${file}`);
      return file;
    },
    sleep,
  };
  try {
    await fn(page, ctx);
    state.e2e = { ok: true };
    say('e2e passed');
    return 0;
  } catch (e) {
    state.e2e = { ok: false, error: String(e && e.stack || e) };
    warn(`e2e FAILED: ${e && e.stack || e}`);
    return 1;
  }
}

// ------------------------------------------------------------------ main
async function main() {
  let o;
  try { o = parseArgs(process.argv.slice(2)); } catch (e) { console.error(e.message + '\n' + USAGE); process.exit(2); }
  state.opts = o;
  if (o.help) { console.log(USAGE); process.exit(0); }
  o.verbose = o.verbose || process.env.VSCODE_TEST_VERBOSE === '1';
  if (!o.devPaths.length) { console.error('missing --extensionDevelopmentPath\n' + USAGE); process.exit(2); }
  if (!o.extensionTestsPath && !o.e2e && !o.serve) { console.error('need --extensionTestsPath, --e2e or --serve\n' + USAGE); process.exit(2); }
  o.devPaths = o.devPaths.map((p) => path.resolve(p));
  for (const k of ['extensionTestsPath', 'folder', 'e2e', 'install-extension', 'settings']) if (o[k]) o[k] = path.resolve(o[k]);
  for (const p of [...o.devPaths, o.extensionTestsPath, o.folder, o.e2e, o['install-extension'], o.settings]) {
    if (p && !fs.existsSync(p)) { console.error(`path does not exist: ${p}`); process.exit(2); }
  }
  if (o.ignored.length) say(`ignoring: ${o.ignored.join(' ')}`);
  const timeoutS = Number(o.timeout || process.env.VSCODE_TEST_TIMEOUT || 180);

  if (o.serve) return serve(o);
  process.on('SIGINT', () => finish(130, 'interrupted (SIGINT)'));
  process.on('SIGTERM', () => finish(143, 'terminated (SIGTERM)'));
  setTimeout(() => finish(124, `TIMEOUT: the run did not finish within ${timeoutS} s ` +
    `(extension host never called codeAutomationExit / e2e did not return). ` +
    `Check that code-server gets "--vscode-option enable-smoke-test-driver" and that run() in the tests module settles.`),
  timeoutS * 1000);

  const install = findInstall();
  state.install = install;
  say(`VS Code ${install.vscodeVersion} (code-server ${install.codeServerVersion}, Node ${install.nodeVersion})`);
  const { runDir, d } = makeRunDir();
  state.runDir = runDir;
  if (o['install-extension']) installExtension(install, d, o['install-extension']);
  const server = await startServer(install, d);
  say(`code-server listening on ${server.baseUrl}`);
  state.browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || install.chromium || '/usr/bin/chromium',
    headless: true, args: CHROMIUM_FLAGS, env: { ...process.env, TMPDIR: d.tmp },
  });

  let code = 0;
  if (o.extensionTestsPath) code = await runExtensionTests(server, o);
  if (o.e2e && code === 0) code = await runE2E(server, o, install);
  else if (o.e2e) say('e2e skipped because the extension tests failed');
  const why = state.e2e && !state.e2e.ok ? 'e2e module threw' :
    state.mocha ? `${state.mocha.failures} mocha test(s) failed` : 'extension host exit code';
  await finish(code, why);
}

// ------------------------------------------------------------------ interactive
// `npm start`: a real VS Code with the extension under development and the sample workspace, for a
// person to use. Prints the URL; opens it in a visible Chromium when a display is available.
async function serve(o) {
  const install = findInstall();
  state.install = install;
  const { runDir, d } = makeRunDir();
  state.runDir = runDir;
  const server = await startServer(install, d);
  const url = workbenchUrl(server, o, false);
  const stop = async () => {
    state.finishing = true;
    await Promise.all([state.browser ? state.browser.close().catch(() => {}) : null, stopServer()]);
    fs.rmSync(runDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`\nPaperLens is running in VS Code ${install.vscodeVersion} (code-server ${install.codeServerVersion}).`);
  console.log(`Open this URL in a browser (it serves 127.0.0.1 only):\n\n  ${url}\n\nPress Ctrl+C to stop.\n`);
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) {
    try {
      state.browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH || install.chromium || '/usr/bin/chromium',
        headless: false, args: ['--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-sync', `--app=${url}`],
      });
      const page = await (await state.browser.newContext({ viewport: null })).newPage();
      await page.goto(url);
      page.on('close', stop);
    } catch (e) {
      warn(`could not open a browser window (${e.message}); open the URL yourself`);
    }
  }
}

main().catch((e) => {
  if (e instanceof UsageError && !state.server) { console.error(`[driver] ${e.message}`); process.exit(2); }
  return finish(e instanceof UsageError ? 2 : 1, e && e.stack || String(e));
});

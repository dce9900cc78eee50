// Smoke check of the README's `npm start`, headless: runs `npm start` exactly as a user would (in
// the browser mode, as on a machine without a desktop `code`), waits for the URL it prints, opens
// that URL in Debian's Chromium, checks that the workbench shows PaperLens (its activity-bar item,
// and the Papers view filled from the bundled data), then stops everything it started and checks
// that the server is gone. Writes test-results/start.json with one result per check.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO } from './workspace.mjs';

const results = path.join(REPO, 'test-results', 'start.json');
fs.rmSync(results, { force: true });
const checks = [];
const check = async (name, fn) => {
  const t0 = Date.now();
  try {
    await fn();
    checks.push({ name, ok: true });
    console.log(`  ✔ ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    checks.push({ name, ok: false, error: String(e?.message ?? e) });
    console.log(`  ✖ ${name}: ${e?.message ?? e}`);
  }
};
const withTimeout = (p, ms, what) =>
  Promise.race([p, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms))]);

// No DISPLAY: the server mode prints the URL and opens no window. PAPERLENS_BROWSER forces the
// browser mode even where a desktop `code` is installed.
const env = { ...process.env, PAPERLENS_BROWSER: '1' };
delete env.DISPLAY;
delete env.WAYLAND_DISPLAY;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const child = spawn(npm, ['start'], { cwd: REPO, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
const urlSeen = new Promise((resolve, reject) => {
  const onData = (b) => {
    process.stdout.write(b);
    output += b.toString();
    const m = /^\s+(http:\/\/127\.0\.0\.1:\d+\/\?\S+)\s*$/m.exec(output);
    if (m) resolve(m[1]);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', (b) => process.stderr.write(b));
  child.on('exit', (code, sig) => reject(new Error(`npm start exited (${code ?? sig}) before printing a URL`)));
});

let url;
let browser;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'paperlens-start-chromium-'));
console.log('== npm start smoke check');
await check('npm start prints the URL of a VS Code with PaperLens', async () => {
  // The first run installs code-server (about two minutes); later runs take seconds.
  url = await withTimeout(urlSeen, 15 * 60_000, 'no URL printed');
});
if (url) {
  await check('the URL serves a workbench with the PaperLens view container and its Papers view', async () => {
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(url);
    const item = page.locator('#workbench\\.parts\\.activitybar .action-item a.action-label[aria-label^="PaperLens"]');
    await item.waitFor({ state: 'visible', timeout: 120_000 });
    await item.click();
    // A row under the Papers view proves the extension activated and read its bundled data.
    await page.locator('#workbench\\.parts\\.sidebar .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
  });
}
await browser?.close().catch(() => {});
fs.rmSync(profile, { recursive: true, force: true });

await check('Ctrl+C stops the server and everything npm start started', async () => {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGINT');
    await withTimeout(exited, 30_000, 'npm start did not stop');
  }
  if (url) {
    const port = new URL(url).port;
    const alive = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false);
    if (alive) throw new Error(`the server on port ${port} still answers`);
  }
  const groupAlive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch (e) {
      if (e.code === 'ESRCH') return false;
      throw e;
    }
  };
  for (let i = 0; i < 100 && groupAlive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive()) throw new Error(`processes of group ${child.pid} are still running 10 s after npm start exited`);
});

const failures = checks.filter((c) => !c.ok).length;
fs.mkdirSync(path.dirname(results), { recursive: true });
fs.writeFileSync(results, `${JSON.stringify({ tier: 'start', passes: checks.length - failures, failures, checks })}\n`);
if (child.exitCode === null) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {}
}
process.exit(failures ? 1 : 0);

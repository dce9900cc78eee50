// Renders media/icon.svg to media/icon.png (128×128, the Marketplace icon; SVG is not allowed there)
// with Debian's Chromium through playwright-core. Run it after editing the SVG: node scripts/renderIcon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const media = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'media');
const svg = fs.readFileSync(path.join(media, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.screenshot({ path: path.join(media, 'icon.png'), omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
await browser.close();
console.log('wrote media/icon.png');

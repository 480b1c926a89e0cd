// Renders every app icon from src/pwa/icons/icon.svg with the same Chromium the tests use.
// Run `npm run icons` after changing the SVG; the PNGs are committed so builds need no rasteriser.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const here = new URL('../pwa/', import.meta.url);
const svg = readFileSync(new URL('icons/icon.svg', here), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const ICONS = [
  { file: 'public/icon-192.png', size: 192, inset: 0 },
  { file: 'public/icon-512.png', size: 512, inset: 0 },
  // Maskable: the same artwork with more room, so no launcher mask can clip it.
  { file: 'public/icon-512-maskable.png', size: 512, inset: 0.1 },
  { file: 'public/apple-touch-icon.png', size: 180, inset: 0 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const { file, size, inset } of ICONS) {
  const pad = Math.round(size * inset);
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<body style="margin:0;background:#1f4f8f"><img src="${dataUrl}" style="display:block;margin:${pad}px;width:${size - 2 * pad}px;height:${size - 2 * pad}px"></body>`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  writeFileSync(new URL(file, here), await page.screenshot({ type: 'png', omitBackground: false }));
  console.warn(`wrote ${file}`);
}
await browser.close();

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/build/csp';
import { BUDGETS, bundleSizes } from './bundle-sizes.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const content = fileURLToPath(new URL('../../content/decks/', import.meta.url));
const read = (path: string) => readFileSync(`${dist}${path}`, 'utf8');

if (!existsSync(`${dist}sw.js`)) throw new Error('dist/ has no build: run `npm run build` first.');

const sw = read('sw.js');
const precached = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
const manifest = JSON.parse(read('manifest.webmanifest')) as {
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
  [key: string]: unknown;
};
const html = read('index.html');

describe('the service worker precache', () => {
  it('holds the app shell, the manifest and every icon', () => {
    expect(precached).toContain('app.html');
    // index.html is what the network serves on a first visit; navigations offline get app.html.
    expect(precached).not.toContain('index.html');
    expect(precached).toContain('manifest.webmanifest');
    for (const icon of manifest.icons) expect(precached).toContain(icon.src);
    expect(precached).toContain('apple-touch-icon.png');
    expect(precached).toContain('favicon.svg');
  });

  it('holds every script and stylesheet the app can load, so every screen works offline', () => {
    const assets = readdirSync(`${dist}assets`).filter((f) => /\.(js|css)$/.test(f));
    expect(assets.length).toBeGreaterThan(5);
    for (const asset of assets) expect(precached).toContain(`assets/${asset}`);
  });

  it('holds every deck of the content, precached (the first in the scripts, the others as data files)', () => {
    const scripts = precached.filter((u) => /\.(js|json)$/.test(u)).map((u) => read(u));
    for (const folder of readdirSync(content)) {
      const deck = JSON.parse(readFileSync(`${content}${folder}/deck.json`, 'utf8')) as {
        capabilities: { tasks: { id: string; text: string }[] }[];
      };
      for (const task of deck.capabilities.flatMap((c) => c.tasks)) {
        expect(scripts.some((s) => s.includes(task.id)), `${folder}/${task.id} is precached`).toBe(true);
      }
    }
  });

  it('answers navigations with the cached app shell and cleans up old caches', () => {
    // The minified worker keeps only the strings: the shell's name, Workbox's navigation check and its old-cache prefix.
    expect(sw).toContain('`app.html`');
    expect(sw).toContain('`navigate`');
    expect(sw).toContain('`-precache-`');
    // Updates wait for the user: the worker only skips waiting when the page asks it to.
    expect(sw.match(/skipWaiting\(\)/g)).toHaveLength(1);
    expect(sw).toContain('`SKIP_WAITING`');
  });
});

describe('the app shell the service worker serves', () => {
  const shell = read('app.html');
  const strip = (page: string) => page.replace(/<link rel="modulepreload"[^>]*>|<script[^>]*blocking="render"[^>]*><\/script>/g, '');
  const preloads = (page: string) => [...page.matchAll(/<link rel="modulepreload" crossorigin href="\/([^"]+)">/g)].map((m) => m[1]!);

  it('is index.html, prerendered first screen and CSP included, plus the app code', () => {
    expect(strip(shell)).toBe(strip(html));
    // The boot script holds the first frame until the app has drawn the screen the user was on.
    const boot = shell.match(/<script type="module" crossorigin blocking="render" src="\/(assets\/boot-[\w-]+\.js)"><\/script>/)?.[1];
    expect(boot).toBeDefined();
    expect(shell.indexOf(boot!)).toBeLessThan(shell.indexOf('</head>'));
    // Everything the boot chunk imports is fetched at once, not after it arrives.
    for (const [, imported] of read(boot!).matchAll(/from\s*"\.\/([^"]+\.js)"/g)) expect(preloads(shell)).toContain(`assets/${imported}`);
  });
});

describe('what the app costs to download', () => {
  const sizes = bundleSizes(dist);

  it('is the HTML plus at most 14 KB (gzip) of scripts and styles before the first paint, so it fits the first round trip', () => {
    expect(sizes.critical.total.gzip).toBeLessThanOrEqual(BUDGETS.critical);
  });

  it('is at most 300 KB (gzip) of scripts in all, the service worker included: everything precached for offline use', () => {
    expect(sizes.all.js.gzip).toBeLessThanOrEqual(BUDGETS.allJs);
  });

  it('keeps printing and the destinations out of the first screen: they load when a print screen opens, and are precached for offline use', () => {
    const shell = read('app.html');
    const firstScreen = [...shell.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(firstScreen.some((f) => f.includes('first-screen'))).toBe(true);
    expect(shell, 'the inlined first-screen CSS').not.toContain('printed-card');
    const destination = JSON.parse(readFileSync(fileURLToPath(new URL('../../content/destination/power-shifting.json', import.meta.url)), 'utf8')) as {
      groups: { statements: { text: string }[] }[];
    };
    const statement = destination.groups[0]!.statements[0]!.text;
    for (const file of firstScreen) {
      const code = read(file);
      expect(code, file).not.toContain(statement);
      expect(code, file).not.toContain('printed-card');
    }
    const holding = precached.filter((u) => /\.js$/.test(u) && read(u).includes(statement));
    expect(holding).toHaveLength(1);
    expect(holding[0]).not.toMatch(/print/);
  });

  it('carries only the first deck in the first screen: every other deck is a data file of its own, loaded when used and precached', () => {
    const shell = read('app.html');
    const firstScreen = [...shell.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => read(m[1]!)).join('\n');
    const decks = readdirSync(content).map(
      (folder) => JSON.parse(readFileSync(`${content}${folder}/deck.json`, 'utf8')) as { id: string; kind?: string; capabilities: { tasks: { text: string }[] }[] },
    );
    const others = decks.filter((d) => d.id !== 'power-shifting');
    expect(others.length).toBeGreaterThanOrEqual(3);
    expect(firstScreen).toContain(decks.find((d) => d.id === 'power-shifting')!.capabilities[0]!.tasks[0]!.text);
    for (const deck of others) {
      // Its title is in the index, so it can be chosen; none of its cards' words are.
      // (Short texts, like "Listen", could be anything in minified code: the test needs whole sentences.)
      const sentences = deck.capabilities.flatMap((c) => c.tasks).filter((t) => t.text.length > 30);
      expect(sentences.length, deck.id).toBeGreaterThan(0);
      for (const task of sentences) expect(firstScreen.includes(JSON.stringify(task.text).slice(1, -1)), `${deck.id}: ${task.text}`).toBe(false);
      const holding = precached.filter((u) => read(u.split('?')[0]!).includes(JSON.stringify(deck.capabilities[0]!.tasks[0]!.text).slice(1, -1)));
      expect(holding, deck.id).toEqual([expect.stringMatching(new RegExp(`^assets/deck-${deck.id}-[0-9a-f]{8}\\.json$`))]);
    }
  });

  it('leaves out the code that made the first screen at build time, which no page loads', () => {
    for (const file of Object.keys(sizes.all.files)) expect(read(file)).not.toContain('renderToString');
    expect(precached.some((url) => /prerender/.test(url))).toBe(false);
  });
});

describe('the web app manifest', () => {
  it('has every field an installable app needs', () => {
    expect(manifest).toMatchObject({
      id: '/',
      name: 'Power Shifting',
      short_name: 'Power Shifting',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
      background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    });
    expect(String(manifest.description).length).toBeGreaterThan(20);
    const icon = (size: string, purpose: string) =>
      manifest.icons.find((i) => i.sizes === size && (i.purpose ?? 'any') === purpose && i.type === 'image/png');
    expect(icon('192x192', 'any')).toBeTruthy();
    expect(icon('512x512', 'any')).toBeTruthy();
    expect(icon('512x512', 'maskable')).toBeTruthy();
  });

  it('points at icons that exist and are the sizes they claim', () => {
    for (const { src, sizes } of [...manifest.icons, { src: 'apple-touch-icon.png', sizes: '180x180' }]) {
      const png = readFileSync(`${dist}${src}`);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(`${w}x${h}`, src).toBe(sizes);
    }
  });
});

describe('the entry HTML', () => {
  it('carries the strict Content-Security-Policy, allowing only the one inline stylesheet by its hash', () => {
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0]!).digest('base64');
    const expected = CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' 'sha256-${hash}'`);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${expected.replace(/'/g, '&#39;')}">`);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('has no inline scripts or style attributes, and loads nothing from other origins', () => {
    for (const [, attrs, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(attrs).toMatch(/src="\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/style="/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const css = readdirSync(`${dist}assets`).filter((f) => f.endsWith('.css')).map((f) => read(`assets/${f}`)).join('\n');
    expect(css).not.toMatch(/url\((['"]?)(https?:)?\/\//);
    expect(css).not.toMatch(/@import/);
  });

  it('links the manifest and the Apple touch icon', () => {
    expect(html).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/);
    expect(html).toContain('<link rel="apple-touch-icon" href="/apple-touch-icon.png"');
  });
});

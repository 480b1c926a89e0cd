/**
 * Inlines the first screen's stylesheet into index.html and allows exactly that <style> in the
 * Content-Security-Policy by its SHA-256 hash. On a slow mobile connection this saves the round
 * trip that a render-blocking stylesheet costs before the first card can paint.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

export function inlineCssPlugin(): Plugin {
  return {
    name: 'power-shifting-inline-css',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const html = bundle['index.html'];
        if (!html || html.type !== 'asset') return;
        let source = String(html.source);
        const link = source.match(/<link rel="stylesheet" crossorigin href="\/([^"]+\.css)">/);
        const css = link ? bundle[link[1] as string] : undefined;
        if (!link || !css || css.type !== 'asset') return;
        const text = String(css.source);
        const hash = createHash('sha256').update(text).digest('base64');
        source = source.replace(link[0], `<style>${text}</style>`);
        source = source.replace("style-src &#39;self&#39;", `style-src &#39;self&#39; &#39;sha256-${hash}&#39;`);
        if (!source.includes(`sha256-${hash}`)) this.error('Could not add the inline style to the Content-Security-Policy.');
        html.source = source;
      },
    },
  };
}

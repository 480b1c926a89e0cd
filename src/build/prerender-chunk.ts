/**
 * Removes the build-time prerender chunk (preact-render-to-string and the code that drives it)
 * from the output once the first screen's HTML has been made from it: no page loads it, so it
 * must not be shipped or precached.
 */
import type { Plugin } from 'vite';

export function dropPrerenderChunkPlugin(script: string): Plugin {
  return {
    name: 'power-shifting-drop-prerender-chunk',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const chunk = Object.values(bundle).find((output) => output.type === 'chunk' && output.facadeModuleId === script);
        if (!chunk) return;
        const users = Object.values(bundle).filter(
          (output) => output.type === 'chunk' && output !== chunk && (output.imports.includes(chunk.fileName) || output.dynamicImports.includes(chunk.fileName)),
        );
        if (users.length) this.error(`The prerender chunk is imported by ${users.map((u) => u.fileName).join(', ')}, so it cannot be left out.`);
        delete bundle[chunk.fileName];
        delete bundle[`${chunk.fileName}.map`];
      },
    },
  };
}

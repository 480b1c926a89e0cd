import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Loads a screen's code on first use, so the first card paints without waiting for the
 * logbook, Dexie or anything else it does not need.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  return function LazyScreen(props: P) {
    const [Screen, setScreen] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      pending ??= load().then((c) => (loaded = c));
      pending.then(
        (c) => live && setScreen(() => c),
        () => {
          pending = undefined;
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (failed) {
      return (
        <section class="screen" role="alert">
          <h1>This screen could not be loaded</h1>
          <p>The app may have been updated, or you may be offline before it finished installing. Reload the page to try again.</p>
        </section>
      );
    }
    if (!Screen) return <p class="loading" aria-busy="true">Loading…</p>;
    return <Screen {...props} />;
  };
}

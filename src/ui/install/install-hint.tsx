import { useEffect, useState } from 'preact/hooks';
import { useAppStatus } from '../../state/app-status';
import { dismissHint, hintDismissed } from '../../state/hints';
import { InstallHelp, runsInstalled } from './install-help';

/**
 * Once someone has started a logbook in a browser tab, a word on installing it: an installed app
 * is a tap away, works offline, and its storage is kept more surely. "Not now" puts it away for good.
 */
export function InstallHint({ count }: { count: number }) {
  const { installed } = useAppStatus();
  const [show, setShow] = useState(false);
  useEffect(() => {
    if (count === 0 || installed || runsInstalled()) return;
    let live = true;
    void hintDismissed('install').then((dismissed) => live && setShow(!dismissed));
    return () => {
      live = false;
    };
  }, [count, installed]);
  if (!show || installed) return null;
  return (
    <div class="notice notice--compact install-hint" data-testid="install-hint">
      <p>Install Power Shifting to open it from your home screen, with or without a connection.</p>
      <details class="disclosure install-hint__how">
        <summary>How to install</summary>
        <InstallHelp />
      </details>
      <button
        type="button"
        class="button button--small button--quiet"
        onClick={() => {
          setShow(false);
          void dismissHint('install').catch(() => undefined);
        }}
      >
        Not now
      </button>
    </div>
  );
}

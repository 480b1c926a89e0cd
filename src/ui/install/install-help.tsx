import { useAppStatus } from '../../state/app-status';

/** Whether the app is running as an installed app rather than in a browser tab. */
export const runsInstalled = () => typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches;

/** How to install, on whichever phone or computer: the browser's own prompt where it has one, else the steps. */
export function InstallHelp() {
  const { install } = useAppStatus();
  return (
    <>
      {install && (
        <p>
          <button type="button" class="button button--primary" onClick={() => void install()}>
            Install app
          </button>
        </p>
      )}
      <ul class="install-steps">
        <li>
          <strong>On Android:</strong> in Chrome, tap the menu <span aria-hidden="true">(⋮)</span>, then <strong>Install app</strong>{' '}
          or <strong>Add to Home screen</strong>. In Samsung Internet, tap the menu, then <strong>Add page to</strong> ›{' '}
          <strong>Home screen</strong>.
        </li>
        <li>
          <strong>On iPhone or iPad:</strong> open this page in Safari, tap the Share button, then choose <strong>Add to Home Screen</strong>.
        </li>
        <li>
          <strong>On a computer:</strong> in Chrome or Edge, choose the install icon at the right of the address bar.
        </li>
      </ul>
    </>
  );
}

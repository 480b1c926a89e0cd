import { useAppStatus } from '../../state/app-status';

/** What a logbook screen says while the logbook opens; after an app update a big one is first rewritten. */
export function LogbookLoading() {
  const upgrading = useAppStatus((s) => s.logbookUpgrading);
  return (
    <p class="loading" aria-busy="true" role="status">
      {upgrading
        ? 'Updating your logbook for this version of the app. A large logbook takes up to a minute; if this page is closed meanwhile, nothing is lost and the update starts again next time.'
        : 'Opening your logbook…'}
    </p>
  );
}

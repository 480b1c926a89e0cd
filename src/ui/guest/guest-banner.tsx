import { isGuest } from '../../state/guest-flag';
import { paths } from '../routing/routes';

/** On every screen of a guest session. */
export function GuestBanner() {
  if (!isGuest()) return null;
  return (
    <p class="guest-banner" data-testid="guest-banner">
      <strong>Guest — nothing is kept.</strong> <a href={paths.guest()}>Leave guest mode</a>
    </p>
  );
}

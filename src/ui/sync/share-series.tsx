import { useState } from 'preact/hooks';
import { messageOf, syncCall } from '../../state/sync';
import { ErrorMessage } from '../shell/error-message';
import { InviteBox } from './invite-box';
import '../styles/sync.css';

/** On a supervision session: an invite for the other person, so both hold the series' record and actions. */
export function ShareSeries({ series }: { series: string }) {
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const share = async () => {
    setBusy(true);
    setError(null);
    try {
      setLink(await syncCall('sharePair', series));
    } catch (problem) {
      setError(messageOf(problem));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="share-series">
      <p class="muted">
        Both of you can hold this series on your own devices: its sessions, the record and the actions, which either of you can
        update. Entries marked private stay with whoever wrote them.
      </p>
      {!link && (
        <p>
          <button type="button" class="button" disabled={busy} onClick={() => void share()}>
            Share this series with your supervisee or supervisor
          </button>
        </p>
      )}
      <ErrorMessage message={error} />
      {link && <InviteBox link={link} who="the other person in this supervision" />}
    </div>
  );
}

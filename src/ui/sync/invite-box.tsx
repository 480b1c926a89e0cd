import { useState } from 'preact/hooks';
import { QrCode } from './qr-code';

/** An invite: a QR code to scan with the other device, and the link to copy and send. */
export function InviteBox({ link, who }: { link: string; who: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Copied. Send it only to ' + who + ': anyone with the link can join until it is used or expires.');
    } catch {
      setCopied('This browser would not copy it: select the link and copy it by hand.');
    }
  };
  return (
    <div class="invite" data-testid="invite">
      <QrCode text={link} label={`QR code of the invite link for ${who}`} />
      <div class="invite__text">
        <p>Scan the code with {who}’s camera, or send the link. It works once and lasts seven days.</p>
        <label class="invite__label" for="invite-link">
          Invite link
        </label>
        <input id="invite-link" class="invite__link" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        <p>
          <button type="button" class="button button--small" onClick={() => void copy()}>
            Copy the link
          </button>
        </p>
        {copied && <p role="status">{copied}</p>}
      </div>
    </div>
  );
}

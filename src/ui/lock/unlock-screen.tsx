import { useEffect, useState } from 'preact/hooks';
import { deviceError, deviceUnlockSet, unlockWithDevice } from '../../state/device-unlock';
import { lockError, unlock, changePassphrase } from '../../state/lock';
import { useLockStatus } from '../../state/lock-status';
import { Field, inputValue } from '../logbook/field';
import { paths } from '../routing/routes';
import { ErrorMessage } from '../shell/error-message';
import { useSubmit } from '../shell/use-submit';

/** Asks for the passphrase, or the recovery code; after the code, a new passphrase. */
export function UnlockScreen() {
  const [byCode, setByCode] = useState(false);
  const [secret, setSecret] = useState('');
  const [next, setNext] = useState('');
  const moving = useLockStatus((s) => s.moving);
  const [device, setDevice] = useState(false);
  useEffect(() => void deviceUnlockSet().then(setDevice, () => undefined), []);
  const byDevice = useSubmit(
    () =>
      unlockWithDevice().catch((problem: unknown) => {
        throw new Error(deviceError(problem));
      }),
    { stays: true },
  );
  const { submit, busy, error } = useSubmit(
    async () => {
      try {
        if (!byCode) return await unlock({ passphrase: secret });
        if (next.length < 8) throw new Error('Choose a new passphrase of at least 8 characters.');
        await changePassphrase({ recoveryCode: secret }, next);
        await unlock({ passphrase: next });
      } catch (problem) {
        throw new Error(problem instanceof Error && problem.message.startsWith('Choose') ? problem.message : lockError(problem));
      }
    },
    { stays: true },
  );
  return (
    <section class="screen prose" aria-labelledby="unlock-title">
      <h1 id="unlock-title">The logbook is locked</h1>
      <p>Your logbook, sessions and actions are encrypted on this device. Dealing and presenting cards work without unlocking.</p>
      <p role="status" class="lock-moving" data-testid="lock-moving">
        {moving
          ? 'Clearing what was written before the lock from this device’s files. A large logbook takes up to a minute; unlocking waits until it is done.'
          : ''}
      </p>
      <form class="panel" onSubmit={submit}>
        {!byCode ? (
          <Field label="Passphrase">
            {({ id }) => (
              <input id={id} type="password" autocomplete="current-password" required value={secret} onInput={(e) => setSecret(inputValue(e))} />
            )}
          </Field>
        ) : (
          <>
            <Field label="Recovery code" hint="The code you were shown when you set the lock, such as 7K3Q-…">
              {({ id, describedBy }) => (
                <input id={id} type="text" autocomplete="off" spellcheck={false} aria-describedby={describedBy} required value={secret} onInput={(e) => setSecret(inputValue(e))} />
              )}
            </Field>
            <Field label="New passphrase" hint="At least 8 characters. Your recovery code keeps working.">
              {({ id, describedBy }) => (
                <input id={id} type="password" autocomplete="new-password" aria-describedby={describedBy} required value={next} onInput={(e) => setNext(inputValue(e))} />
              )}
            </Field>
          </>
        )}
        <div class="panel__actions">
          <button type="submit" class="button button--primary" disabled={busy}>
            {byCode ? 'Unlock and set the new passphrase' : 'Unlock'}
          </button>
          <button
            type="button"
            class="button"
            onClick={() => {
              setByCode(!byCode);
              setSecret('');
            }}
          >
            {byCode ? 'Use the passphrase instead' : 'I have forgotten the passphrase'}
          </button>
        </div>
        <ErrorMessage message={error} />
      </form>
      {device && (
        <form class="panel" onSubmit={byDevice.submit}>
          <button type="submit" class="button button--primary" disabled={byDevice.busy}>
            Unlock with this device
          </button>
          <ErrorMessage message={byDevice.error} />
        </form>
      )}
      <p>
        Not your logbook? <a href={paths.guest()}>Use the app as a guest</a>: a logbook of your own, wiped when you leave.
      </p>
    </section>
  );
}

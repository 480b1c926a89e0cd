import { useEffect, useState } from 'preact/hooks';
import '../styles/lock.css';
import { changePassphrase, lockError, lockNow, setLock, turnOffLock } from '../../state/lock';
import { useLockStatus } from '../../state/lock-status';
import { addDeviceUnlock, deviceError, deviceUnlockOffered, deviceUnlockSet, removeDeviceUnlock } from '../../state/device-unlock';
import { AUTO_LOCK_CHOICES, useAutoLockMinutes } from './auto-lock';
import { Field, inputValue } from '../logbook/field';
import { ErrorMessage } from '../shell/error-message';
import { useSubmit } from '../shell/use-submit';

const MIN_LENGTH = 8;

/** Settings › Lock: set one (saying first what a lost passphrase means), see the recovery code once, change or remove it. */
export function LockPanel() {
  const status = useLockStatus((s) => s.status);
  const rewriting = useLockStatus((s) => s.rewriting);
  const [code, setCode] = useState<string | null>(null);
  return (
    <section aria-labelledby="lock-title">
      <h2 id="lock-title">Lock the logbook</h2>
      {code ? (
        <RecoveryCode code={code} onDone={() => setCode(null)} />
      ) : status === 'off' ? (
        <SetLock onSet={setCode} />
      ) : (
        <LockSettings />
      )}
      {rewriting !== null && (
        <p role="status" data-testid="lock-progress">
          Encrypting or decrypting what is stored… {rewriting} records done. You can carry on using the app; if it is closed, this carries on next time.
        </p>
      )}
    </section>
  );
}

function SetLock({ onSet }: { onSet: (code: string) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [understood, setUnderstood] = useState(false);
  const { submit, busy, error } = useSubmit(async () => {
    if (passphrase.length < MIN_LENGTH) throw new Error(`Choose a passphrase of at least ${MIN_LENGTH} characters: a few words are easy to remember and hard to guess.`);
    if (passphrase !== again) throw new Error('The two passphrases are different. Type the same one twice.');
    if (!understood) throw new Error('Tick the box to say you understand what happens if you forget the passphrase.');
    onSet(await setLock(passphrase));
  });
  return (
    <form class="panel" onSubmit={submit}>
      <p>
        With a lock, what you write is stored encrypted on this device, and the logbook, sessions, actions and exports ask
        for your passphrase. Dealing and presenting cards still work without it.
      </p>
      <p class="notice notice--danger">
        <strong>If you forget the passphrase and lose the recovery code, nobody can read your logbook again: not you, not us.</strong> There is no
        other way in. You will see the recovery code once, next.
      </p>
      <Field label="Passphrase" hint={`At least ${MIN_LENGTH} characters. A few unrelated words work well.`}>
        {({ id, describedBy }) => (
          <input id={id} type="password" autocomplete="new-password" aria-describedby={describedBy} value={passphrase} onInput={(e) => setPassphrase(inputValue(e))} />
        )}
      </Field>
      <Field label="The same passphrase again">
        {({ id }) => <input id={id} type="password" autocomplete="new-password" value={again} onInput={(e) => setAgain(inputValue(e))} />}
      </Field>
      <p class="field field--check">
        <label>
          <input type="checkbox" checked={understood} onChange={(e) => setUnderstood((e.currentTarget as HTMLInputElement).checked)} /> I understand: without the
          passphrase or the recovery code, my logbook cannot be read.
        </label>
      </p>
      <div class="panel__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          Set the lock
        </button>
      </div>
      <ErrorMessage message={error} />
    </form>
  );
}

function RecoveryCode({ code, onDone }: { code: string; onDone: () => void }) {
  return (
    <div class="panel" role="region" aria-labelledby="recovery-title">
      <h3 id="recovery-title">Your recovery code</h3>
      <p>
        Write this down or print it, and keep it somewhere safe away from this device. It opens the logbook if you forget the
        passphrase. It is shown only now.
      </p>
      <p class="recovery-code" data-testid="recovery-code">
        {code}
      </p>
      <div class="panel__actions">
        <button type="button" class="button" onClick={() => window.print()}>
          Print it
        </button>
        <button type="button" class="button button--primary" onClick={onDone}>
          I have kept it safe
        </button>
      </div>
    </div>
  );
}

function LockSettings() {
  const [minutes, setMinutes] = useAutoLockMinutes();
  const [mode, setMode] = useState<'none' | 'change' | 'off' | 'device'>('none');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [device, setDevice] = useState(false);
  useEffect(() => void deviceUnlockSet().then(setDevice, () => undefined), []);
  const { submit, busy, error } = useSubmit(
    async () => {
      if (mode === 'device') {
        await addDeviceUnlock({ passphrase: current }).catch((problem: unknown) => {
          throw new Error(deviceError(problem));
        });
        setDevice(true);
        setDone('This device can now unlock the logbook. Your passphrase and recovery code still work.');
        setMode('none');
        setCurrent('');
        return;
      }
      try {
        if (mode === 'change') {
          if (next.length < MIN_LENGTH) throw new Error(`Choose a new passphrase of at least ${MIN_LENGTH} characters.`);
          await changePassphrase({ passphrase: current }, next);
          setDone('The passphrase was changed. Your recovery code still works.');
        } else {
          await turnOffLock({ passphrase: current });
          setDone('The lock is off: your logbook is stored unencrypted on this device again.');
        }
        setMode('none');
        setCurrent('');
        setNext('');
      } catch (problem) {
        throw new Error(problem instanceof Error && problem.message.startsWith('Choose') ? problem.message : lockError(problem));
      }
    },
    { stays: true },
  );
  return (
    <div class="panel">
      <p>Your logbook is locked with a passphrase and stored encrypted on this device.</p>
      <Field label="Lock by itself after" hint="Also when the app has been out of sight for that long.">
        {({ id, describedBy }) => (
          <select id={id} aria-describedby={describedBy} value={String(minutes)} onChange={(e) => setMinutes(Number(inputValue(e)))}>
            {AUTO_LOCK_CHOICES.map((m) => (
              <option key={m} value={String(m)}>
                {m} minutes without use
              </option>
            ))}
          </select>
        )}
      </Field>
      <div class="panel__actions">
        <button type="button" class="button button--primary" onClick={() => void lockNow()}>
          Lock now
        </button>
        <button type="button" class="button" aria-expanded={mode === 'change'} onClick={() => setMode(mode === 'change' ? 'none' : 'change')}>
          Change the passphrase
        </button>
        <button type="button" class="button" aria-expanded={mode === 'off'} onClick={() => setMode(mode === 'off' ? 'none' : 'off')}>
          Turn the lock off
        </button>
        {device ? (
          <button type="button" class="button" onClick={() => void removeDeviceUnlock().then(() => (setDevice(false), setDone('This device no longer unlocks the logbook.')))}>
            Stop unlocking with this device
          </button>
        ) : (
          deviceUnlockOffered() && (
            <button type="button" class="button" aria-expanded={mode === 'device'} onClick={() => setMode(mode === 'device' ? 'none' : 'device')}>
              Unlock with this device too
            </button>
          )
        )}
      </div>
      {mode === 'device' && <p>Your fingerprint, face, screen lock or security key will open the logbook on this device. Type your passphrase to set it up.</p>}
      {mode !== 'none' && (
        <form onSubmit={submit}>
          <Field label="Current passphrase">
            {({ id }) => <input id={id} type="password" autocomplete="current-password" required value={current} onInput={(e) => setCurrent(inputValue(e))} />}
          </Field>
          {mode === 'change' && (
            <Field label="New passphrase">
              {({ id }) => <input id={id} type="password" autocomplete="new-password" required value={next} onInput={(e) => setNext(inputValue(e))} />}
            </Field>
          )}
          <div class="panel__actions">
            <button type="submit" class="button button--primary" disabled={busy}>
              {mode === 'change' ? 'Change the passphrase' : mode === 'off' ? 'Turn the lock off' : 'Set up this device'}
            </button>
          </div>
          <ErrorMessage message={error} />
        </form>
      )}
      {done && <p role="status">{done}</p>}
    </div>
  );
}

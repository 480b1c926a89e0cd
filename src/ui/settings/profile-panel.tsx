import { useEffect, useState } from 'preact/hooks';
import { loadProfile, saveProfile, type Profile } from '../../state/profile';
import { Field, inputValue } from '../logbook/field';
import { ErrorMessage } from '../shell/error-message';
import { useSubmit } from '../shell/use-submit';

/** The name records made on this device give as their maker, and a supervision record's first guess at who confirms. */
export function ProfilePanel() {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => void loadProfile().then(setProfile), []);
  const { submit, busy, error } = useSubmit(async () => {
    if (!profile) return;
    await saveProfile(profile);
    setSaved(true);
    }, { stays: true });
  if (!profile) return null;
  const set = (key: keyof Profile) => (event: Event) => {
    setSaved(false);
    setProfile({ ...profile, [key]: inputValue(event) });
  };
  return (
    <form onSubmit={submit} aria-labelledby="profile-title" noValidate>
      <h2 id="profile-title">About you</h2>
      <p>Records you make here (a supervision record, a CPD record) say they were made by this name. It stays on this device.</p>
      <div class="field-row">
        <Field label="Your name">{({ id }) => <input id={id} type="text" autocomplete="name" maxLength={500} value={profile.name} onInput={set('name')} />}</Field>
        <Field label="Your role (optional)">
          {({ id }) => <input id={id} type="text" autocomplete="organization-title" maxLength={500} value={profile.role} onInput={set('role')} />}
        </Field>
      </div>
      <ErrorMessage message={error} />
      <p>
        <button type="submit" class="button" disabled={busy}>
          Save
        </button>{' '}
        {saved && <span role="status">Saved.</span>}
      </p>
    </form>
  );
}

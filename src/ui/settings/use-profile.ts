import { useEffect, useState } from 'preact/hooks';
import { loadProfile, type Profile } from '../../state/profile';

/** Who uses this device, from Settings; empty until read. */
export function useProfile(): Profile {
  const [profile, setProfile] = useState<Profile>({ name: '', role: '' });
  useEffect(() => {
    let live = true;
    void loadProfile().then((p) => live && setProfile(p));
    return () => {
      live = false;
    };
  }, []);
  return profile;
}

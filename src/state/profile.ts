/** Who is using the app on this device, as they want records to name them: "Made by …". */
import { logbook } from './logbook';

export interface Profile {
  name: string;
  role: string;
}

const KEY = 'profile';

export async function loadProfile(): Promise<Profile> {
  const kept = await logbook().meta.get<Partial<Profile>>(KEY).catch(() => undefined);
  return { name: typeof kept?.name === 'string' ? kept.name : '', role: typeof kept?.role === 'string' ? kept.role : '' };
}

export async function saveProfile(profile: Profile): Promise<void> {
  await logbook().meta.set(KEY, { name: profile.name.trim(), role: profile.role.trim() });
}

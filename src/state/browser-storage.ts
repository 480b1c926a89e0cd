/** localStorage where there is one; a do-nothing stand-in when prerendering in Node at build time. */
const memory = new Map<string, string>();
const standIn: Storage = {
  get length() {
    return memory.size;
  },
  clear: () => memory.clear(),
  getItem: (key) => memory.get(key) ?? null,
  key: (index) => [...memory.keys()][index] ?? null,
  removeItem: (key) => void memory.delete(key),
  setItem: (key, value) => void memory.set(key, value),
};

export function browserStorage(): Storage {
  return typeof localStorage === 'undefined' ? standIn : localStorage;
}

// Generates a realistic logbook backup (the app's own format) with N entries of 3 actions each.
const WORDS = `we meet people at crisis point and rarely hear what matters to them community centre tenants
forum panel carers young people allotment library housing bus stop estate ward councillor youth worker
listen invite commission measure trust partnership story network voluntary sector walkabout residents`.split(/\s+/);

function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function ulid(time, random) {
  let id = '';
  let t = time;
  for (let i = 0; i < 10; i++) {
    id = ALPHABET[t % 32] + id;
    t = Math.floor(t / 32);
  }
  for (let i = 0; i < 16; i++) id += ALPHABET[Math.floor(random() * 32)];
  return id;
}

export function generateBackup(count, deck, seed = 42) {
  const random = seeded(seed);
  const words = (n) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const cards = deck.capabilities.flatMap((c) =>
    c.tasks.map((t) => ({ capability: c, task: t, group: deck.groups.find((g) => g.id === t.group) })),
  );
  const start = Date.parse('2023-01-01T09:00:00Z');
  const span = Date.parse('2026-10-31T17:00:00Z') - start;
  const entries = [];
  const actions = [];
  for (let i = 0; i < count; i++) {
    const created = new Date(start + Math.floor((span * i) / count)).toISOString();
    const { capability, task, group } = cards[Math.floor(random() * cards.length)];
    const id = ulid(Date.parse(created), random);
    entries.push({
      id,
      createdAt: created,
      updatedAt: created,
      deleted: 0,
      card: {
        deckId: deck.id,
        cardId: task.id,
        capabilityNumber: capability.number,
        capabilityHeading: capability.heading,
        groupId: group.id,
        groupName: group.name,
        text: task.text,
      },
      capabilityNumber: capability.number,
      community: `${words(2)} group ${i % 97}`,
      reflection: `${words(28)}.`,
      notes: random() < 0.3 ? `${words(12)}.` : '',
      tags: [words(1), words(1)],
    });
    for (let a = 0; a < 3; a++) {
      const statuses = ['planned', 'doing', 'done', 'dropped'];
      const status = statuses[Math.floor(random() * 4)];
      actions.push({
        id: ulid(Date.parse(created), random),
        entryId: id,
        createdAt: created,
        updatedAt: created,
        deleted: 0,
        what: `${words(6)}`,
        owner: words(1),
        due: new Date(Date.parse(created) + 14 * 86_400_000).toISOString().slice(0, 10),
        status,
        followUp: status === 'done' ? { happened: `${words(8)}.`, learned: `${words(8)}.` } : { happened: '', learned: '' },
        order: a,
      });
    }
  }
  return {
    format: 'power-shifting-backup',
    version: 1,
    exportedAt: new Date('2026-11-01T00:00:00Z').toISOString(),
    app: { name: 'Power Shifting', version: 'bench' },
    data: { entries, actions, sessions: [], checkins: [] },
  };
}

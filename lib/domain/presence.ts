/**
 * Presence among Desk agents: who has a ticket open and who is writing on it. Ephemeral — kept in
 * each instance's memory, never in Gorgias or our tables (docs/architecture.md, live desk).
 */
export const PRESENCE_STATES = ["viewing", "typing-reply", "typing-note"] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** A tab repeats its state this often; a tab not heard from within the time to live is dropped. */
export const PRESENCE_HEARTBEAT_MS = 10_000;
export const PRESENCE_TTL_MS = 30_000;

/** One colleague on one ticket, as a browser is told: `state` null means they left it. */
export interface PresenceEntry {
  readonly ticketId: number;
  /** Their Gorgias user id: the same person in several tabs or on several instances is one entry. */
  readonly userId: number;
  readonly name: string;
  readonly state: PresenceState | null;
}

/** What a browser's stream carries: the whole picture at connect (`full`), then changes. */
export interface PresenceUpdate {
  readonly full: boolean;
  readonly entries: readonly PresenceEntry[];
}

// Writing outranks reading: a colleague typing in one tab and reading in another is typing.
const RANK: Record<PresenceState, number> = { viewing: 0, "typing-note": 1, "typing-reply": 2 };

/** The state shown for someone with several tabs on one ticket. */
export function strongestState(states: Iterable<PresenceState>): PresenceState | null {
  let best: PresenceState | null = null;
  for (const s of states) if (best === null || RANK[s] > RANK[best]) best = s;
  return best;
}

const DOING: Record<PresenceState, string> = {
  viewing: "is viewing",
  "typing-reply": "is typing a reply",
  "typing-note": "is typing an internal note",
};

/** "Alex Chen is viewing", "Sam is typing a reply". */
export const presenceLabel = (name: string, state: PresenceState): string => `${name} ${DOING[state]}`;

/** Up to two initials for an avatar: "Alex Chen" → "AC", "sam@x.io" → "S". */
export function initials(name: string): string {
  const words = name.replace(/@.*$/, "").split(/[\s._-]+/).filter(Boolean);
  const picked = words.length > 1 ? [words[0]!, words.at(-1)!] : words;
  return picked.map((w) => [...w][0]!.toUpperCase()).join("") || "?";
}

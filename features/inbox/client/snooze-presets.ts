/**
 * The bulk bar's snooze times, in the agent's own time zone (the browser's): later today, tomorrow
 * at 9:00, next Monday at 9:00. Small on purpose: the ticket's snooze menu is the full one.
 */
export interface SnoozePreset {
  readonly label: string;
  readonly until: Date;
}

const at9 = (d: Date) => {
  const out = new Date(d);
  out.setHours(9, 0, 0, 0);
  return out;
};

export function snoozePresets(now: Date): SnoozePreset[] {
  const presets: SnoozePreset[] = [];
  const later = new Date(now);
  later.setHours(now.getHours() + 3, 0, 0, 0);
  // "Later today" only while three hours from now is still today.
  if (later.getDate() === now.getDate()) presets.push({ label: "Later today", until: later });
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  presets.push({ label: "Tomorrow", until: at9(tomorrow) });
  const monday = new Date(now);
  monday.setDate(now.getDate() + (((8 - now.getDay()) % 7) || 7));
  presets.push({ label: "Next week", until: at9(monday) });
  return presets;
}

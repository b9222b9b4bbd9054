import { SCOPE_LABELS, SHORTCUTS, shortcutLabel, type ShortcutId, type ShortcutScope } from "@/features/shell/client/shortcuts";

const IDS = Object.keys(SHORTCUTS) as ShortcutId[];
const SCOPES = Object.keys(SCOPE_LABELS) as ShortcutScope[];

/** The registry as the `?` help shows it: one table per scope (where the keys work), keys then what they do. */
export function ShortcutTable() {
  return (
    <div className="flex flex-col gap-4 py-3">
      <p className="px-4 text-xs text-zinc-600 dark:text-zinc-400">Single keys never act while you type in a field; Ctrl/⌘ chords do.</p>
      {SCOPES.map((scope) => {
        const ids = IDS.filter((id) => SHORTCUTS[id].scope === scope);
        if (ids.length === 0) return null;
        return (
          <section key={scope} aria-labelledby={`shortcuts-${scope}`} data-scope={scope}>
            <h3 id={`shortcuts-${scope}`} className="px-4 pb-1 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
              {SCOPE_LABELS[scope]}
            </h3>
            <table className="w-full text-sm">
              <caption className="sr-only">Shortcuts: {SCOPE_LABELS[scope]}</caption>
              <thead className="sr-only">
                <tr>
                  <th scope="col">Keys</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {ids.map((id) => (
                  <tr key={id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800" data-shortcut={id}>
                    <td className="w-40 px-4 py-1.5 whitespace-nowrap">
                      <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-800">{shortcutLabel(id)}</kbd>
                    </td>
                    <td className="py-1.5 pr-4">{SHORTCUTS[id].description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}

import { SCOPE_LABELS, SHORTCUTS, shortcutLabel, type ShortcutId } from "@/features/shell/client/shortcuts";

const IDS = Object.keys(SHORTCUTS) as ShortcutId[];

/** The registry as the `?` help shows it: keys, what they do, where. */
export function ShortcutTable() {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Every keyboard shortcut</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Keys</th>
          <th scope="col">Action</th>
          <th scope="col">Where</th>
        </tr>
      </thead>
      <tbody>
        {IDS.map((id) => (
          <tr key={id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800" data-shortcut={id}>
            <td className="px-4 py-1.5 whitespace-nowrap">
              <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-800">{shortcutLabel(id)}</kbd>
            </td>
            <td className="py-1.5">{SHORTCUTS[id].description}</td>
            <td className="px-4 py-1.5 text-right text-xs text-zinc-600 dark:text-zinc-400">{SCOPE_LABELS[SHORTCUTS[id].scope]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useCallback, useSyncExternalStore } from "react";

/*
 * Auto-assign (as in Gorgias, on unless the agent turns it off): a reply to an unassigned ticket
 * makes it theirs. A preference of this device, like the theme: kept in localStorage per agent,
 * sent with each reply as intent; the server decides from the ticket it reads whether it applies.
 */

const keyFor = (agentId: string) => `desk:auto-assign:${agentId}`;
const listeners = new Set<() => void>();

function read(agentId: string): boolean {
  try {
    return window.localStorage.getItem(keyFor(agentId)) !== "off";
  } catch {
    return true;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

export function useAutoAssign(agentId: string): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, () => read(agentId), () => true);
  const set = useCallback(
    (next: boolean) => {
      try {
        window.localStorage.setItem(keyFor(agentId), next ? "on" : "off");
      } catch {
        // Blocked storage: the choice lasts until the page is left.
      }
      for (const listener of listeners) listener();
    },
    [agentId],
  );
  return [on, set];
}

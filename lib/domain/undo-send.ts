/**
 * Undo send (docs/safety.md#undo-send): how long a reply or note waits on the server before it goes
 * to Gorgias, during which the agent may take it back. The agent picks one of these on their device;
 * the server clamps whatever it is sent to the longest.
 */
export const UNDO_SEND_SECONDS = [0, 5, 10, 20, 30] as const;
export type UndoSendSeconds = (typeof UNDO_SEND_SECONDS)[number];
export const DEFAULT_UNDO_SEND_SECONDS: UndoSendSeconds = 5;
export const MAX_UNDO_SEND_SECONDS = 30;

export const clampUndoSeconds = (seconds: number | undefined): number =>
  Math.min(MAX_UNDO_SEND_SECONDS, Math.max(0, Math.floor(seconds ?? 0)));

import type { PresenceState } from "@/lib/domain/presence";
import { PRESENCE_HEARTBEAT_MS } from "@/lib/domain/presence";

/** What a tab sends (`PresenceBeacon` in lib/domain/contract/presence.ts checks it on the server). */
export interface PresenceReport {
  readonly tab: string;
  readonly ticketId: number;
  readonly state: PresenceState | "left";
  readonly seq: number;
}

/** `leaving`: the page may be going away, so the report must survive it (sendBeacon). */
export type PresenceSend = (report: PresenceReport, leaving: boolean) => void;

/** Typing shows for this long after the last keystroke. */
export const TYPING_IDLE_MS = 5_000;

/**
 * One tab's own presence: which ticket it shows and whether its agent is writing there. It reports
 * on every change of state and repeats it every heartbeat interval while the ticket is on screen;
 * a tab that is hidden or leaves says so at once rather than waiting to expire.
 */
export class PresenceReporter {
  private ticketId: number | null = null;
  private visible = true;
  private typing: "reply" | "note" | null = null;
  private seq = 0;
  private last: PresenceState | "left" | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private typingTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly tab: string,
    private readonly send: PresenceSend,
  ) {}

  /** The tab now shows this ticket. */
  open(ticketId: number): void {
    if (this.ticketId !== null && this.ticketId !== ticketId) this.close();
    this.ticketId = ticketId;
    this.report(true);
  }

  /** The tab no longer shows the ticket (navigated away, or the page is going). */
  close(): void {
    this.leave();
    this.ticketId = null;
    this.stopTyping();
  }

  /** The page was hidden (another tab, minimised) or shown again. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (visible) this.report(true);
    else this.leave();
  }

  /** The agent typed in the composer, in this mode. */
  typed(mode: "reply" | "note"): void {
    if (this.ticketId === null) return;
    if (this.typingTimer) clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => {
      this.typingTimer = null;
      this.typing = null;
      this.report(false);
    }, TYPING_IDLE_MS);
    this.typing = mode;
    this.report(false);
  }

  private state(): PresenceState {
    return this.typing === null ? "viewing" : this.typing === "reply" ? "typing-reply" : "typing-note";
  }

  /** Sends the state when it changed (or `always`), and keeps the heartbeat going. */
  private report(always: boolean): void {
    if (this.ticketId === null || !this.visible) return;
    const state = this.state();
    if (always || state !== this.last) this.emit(state, false);
    this.heartbeat ??= setInterval(() => this.emit(this.state(), false), PRESENCE_HEARTBEAT_MS);
  }

  private leave(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    if (this.ticketId !== null && this.last !== null && this.last !== "left") this.emit("left", true);
  }

  private stopTyping(): void {
    if (this.typingTimer) clearTimeout(this.typingTimer);
    this.typingTimer = null;
    this.typing = null;
  }

  private emit(state: PresenceState | "left", leaving: boolean): void {
    if (this.ticketId === null) return;
    this.last = state;
    this.send({ tab: this.tab, ticketId: this.ticketId, state, seq: ++this.seq }, leaving);
  }
}

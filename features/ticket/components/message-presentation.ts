import type { MessageDelivery, MessageKind } from "@/lib/domain/message";

/** How each kind of message looks. Notes must never look like something the customer saw. */
export interface KindStyle {
  readonly label: string;
  /** Shown under the sender on notes only: the words that make the difference explicit. */
  readonly notice: string | null;
  readonly lock: boolean;
  readonly align: "start" | "end";
  readonly container: string;
  readonly badge: string;
}

const STYLES: Readonly<Record<MessageKind, KindStyle>> = {
  customer: {
    label: "Customer",
    notice: null,
    lock: false,
    align: "start",
    container: "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900",
    badge: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  },
  agent: {
    label: "Agent reply",
    notice: null,
    lock: false,
    align: "end",
    container: "border-indigo-200 bg-indigo-50/60 dark:border-indigo-900 dark:bg-indigo-950/40",
    badge: "bg-indigo-100 text-indigo-800 dark:bg-indigo-900/60 dark:text-indigo-200",
  },
  note: {
    label: "Internal note",
    notice: "Internal note · only agents see this",
    lock: true,
    align: "end",
    container: "border-amber-300 border-dashed bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40",
    badge: "bg-amber-200 text-amber-950 dark:bg-amber-800 dark:text-amber-50",
  },
};

export const kindStyle = (kind: MessageKind): KindStyle => STYLES[kind];

export interface DeliveryView {
  readonly text: string;
  readonly tone: "muted" | "progress" | "error";
}

/** Only agent emails have a delivery state worth showing; customer messages and notes are simply recorded. */
export function deliveryView(delivery: MessageDelivery, failureReason: string | null): DeliveryView | null {
  switch (delivery) {
    case "sending":
      return { text: "Sending…", tone: "progress" };
    case "sent":
      return { text: "Sent", tone: "muted" };
    case "failed":
      return { text: failureReason ? `Failed: ${failureReason}` : "Failed to send", tone: "error" };
    default:
      return null;
  }
}

const UNITS = ["KB", "MB", "GB"] as const;

/** Attachment sizes as people read them: 512 B, 1.2 KB, 34 MB. Unknown or nonsense sizes give null. */
export function formatFileSize(bytes: number | null | undefined): string | null {
  if (typeof bytes !== "number" || !Number.isFinite(bytes) || bytes < 0) return null;
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 ? 1 : 0;
  return `${value.toFixed(digits).replace(/\.0$/, "")} ${UNITS[unit]}`;
}

/** What a preview of a long body says it shows (sizes of its source, read as bytes). */
export function previewLabel(preview: { readonly shownChars: number; readonly totalChars: number }): string {
  return `Long message: showing the first ${formatFileSize(preview.shownChars)} of ${formatFileSize(preview.totalChars)}.`;
}

/** The remote-image button's words, or null when there is nothing to load. */
export function remoteImagesLabel(count: number): string | null {
  if (count <= 0) return null;
  return count === 1 ? "Load 1 remote image" : `Load ${count} remote images`;
}

interface SenderFields {
  readonly kind: MessageKind;
  readonly sender: { readonly name: string | null; readonly email: string | null } | null;
  readonly source: { readonly from: { readonly address: string; readonly name: string | null } | null } | null;
}

/** Who wrote it, falling back through what Gorgias may have left empty. */
export function senderLabel(m: SenderFields): string {
  return (
    m.sender?.name?.trim() ||
    m.sender?.email ||
    m.source?.from?.name?.trim() ||
    m.source?.from?.address ||
    (m.kind === "customer" ? "Customer" : "Agent")
  );
}

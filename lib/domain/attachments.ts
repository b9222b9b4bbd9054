/**
 * Files on replies and notes (docs/safety.md#attachments): the limits the browser checks before an
 * upload starts and the server checks again, in one place with one wording. Gorgias documents no
 * per-file limit for the API; its macros attach up to 20 MB in all, and common mail servers refuse
 * messages much over 25 MB once encoded, so 10 MB per file and 20 MB per message keep every send
 * deliverable. 10 MB is decimal (10 000 000 bytes): one file and its multipart envelope stay under
 * Next's 10 MiB proxy body buffer.
 */

/** A file Gorgias holds (`POST /api/upload`'s answer), as a message's `attachments` names it. */
export interface UploadedFile {
  readonly url: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
}

export const ATTACHMENT_LIMITS = {
  fileBytes: 10_000_000,
  totalBytes: 20_000_000,
  count: 10,
  nameChars: 255,
} as const;

// Programs and scripts that run when opened: mail providers refuse or quarantine them, and an agent
// never needs to send one to a customer.
const BLOCKED_EXTENSIONS = new Set([
  "exe", "msi", "msp", "com", "scr", "pif", "bat", "cmd", "cpl", "dll", "sys", "vbs", "vbe", "js", "jse", "wsf", "wsh",
  "ps1", "psm1", "hta", "jar", "apk", "app", "dmg", "pkg", "deb", "rpm", "sh", "reg", "lnk", "iso", "msc", "gadget",
]);
const BLOCKED_TYPES = new Set([
  "application/x-msdownload", "application/x-msdos-program", "application/x-msi", "application/x-ms-installer",
  "application/vnd.microsoft.portable-executable", "application/x-executable", "application/x-dosexec",
  "application/x-sh", "application/x-csh", "application/java-archive", "application/vnd.android.package-archive",
  "application/x-apple-diskimage", "application/hta", "text/javascript", "application/javascript", "application/x-javascript",
]);

/** 1.5 MB, 820 KB, 12 bytes: decimal units, like the limits. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} byte${n === 1 ? "" : "s"}`;
  if (n < 1_000_000) return `${Math.round(n / 1000)} KB`;
  return `${(Math.round(n / 100_000) / 10).toLocaleString("en-US")} MB`;
}

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
};

/** Why this one file may not be attached (whatever else is attached), or null. */
export function fileProblem(file: { readonly name: string; readonly size: number; readonly type: string }): string | null {
  const name = file.name.trim();
  if (!name) return "This file has no name.";
  if (name.length > ATTACHMENT_LIMITS.nameChars) return `${name.slice(0, 40)}…: the file name is longer than ${ATTACHMENT_LIMITS.nameChars} characters.`;
  const ext = extensionOf(name);
  if (BLOCKED_EXTENSIONS.has(ext) || BLOCKED_TYPES.has(file.type.toLowerCase())) {
    return `${name}: programs and scripts${ext ? ` (.${ext})` : ""} cannot be attached. Send it as a link or in a zip made for the purpose.`;
  }
  if (file.size === 0) return `${name} is empty.`;
  if (file.size > ATTACHMENT_LIMITS.fileBytes) {
    return `${name} is ${formatBytes(file.size)}: files can be at most ${formatBytes(ATTACHMENT_LIMITS.fileBytes)} each.`;
  }
  return null;
}

export interface FileChoice<F> {
  readonly accepted: readonly F[];
  /** One clear sentence per refused file, in the order given. */
  readonly refused: readonly string[];
}

/**
 * Which of the files the agent just added may join the ones already attached: each must pass on its
 * own, then they are taken in order while the count and the message's total allow.
 */
export function chooseFiles<F extends { readonly name: string; readonly size: number; readonly type: string }>(
  attached: readonly { readonly size: number }[],
  added: readonly F[],
): FileChoice<F> {
  const accepted: F[] = [];
  const refused: string[] = [];
  let count = attached.length;
  let total = attached.reduce((sum, a) => sum + a.size, 0);
  for (const file of added) {
    const problem = fileProblem(file);
    if (problem) {
      refused.push(problem);
    } else if (count >= ATTACHMENT_LIMITS.count) {
      refused.push(`${file.name}: a message can carry at most ${ATTACHMENT_LIMITS.count} files.`);
    } else if (total + file.size > ATTACHMENT_LIMITS.totalBytes) {
      refused.push(`${file.name} (${formatBytes(file.size)}) would take the message over ${formatBytes(ATTACHMENT_LIMITS.totalBytes)} of files in all.`);
    } else {
      accepted.push(file);
      count += 1;
      total += file.size;
    }
  }
  return { accepted, refused };
}

/** Why these attachments cannot go with one message, or null: the server's check of a send. */
export function attachmentsProblem(attachments: readonly UploadedFile[]): string | null {
  if (attachments.length > ATTACHMENT_LIMITS.count) return `A message can carry at most ${ATTACHMENT_LIMITS.count} files.`;
  for (const a of attachments) {
    const problem = fileProblem({ name: a.name, size: a.size, type: a.contentType });
    if (problem) return problem;
  }
  const total = attachments.reduce((sum, a) => sum + a.size, 0);
  return total > ATTACHMENT_LIMITS.totalBytes ? `The files add up to ${formatBytes(total)}; a message can carry at most ${formatBytes(ATTACHMENT_LIMITS.totalBytes)}.` : null;
}

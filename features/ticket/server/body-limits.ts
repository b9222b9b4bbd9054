import { BODY_PREVIEW_CHARS } from "@/lib/domain/message";
import { DEFAULT_TIME_BUDGET_MS, MAX_INPUT_CHARS } from "@/lib/email";

/**
 * What preparing bodies may cost (docs/safety.md#hostile-html). A thread shows a preview of each
 * long body; "Show all" prepares one body whole, on request. Sizes count UTF-16 units of the
 * message's source (its HTML, or its text).
 */

/** A body's preview in the thread (the shared cache keeps no more of a body than this). */
export const PREVIEW_CHARS = BODY_PREVIEW_CHARS;
/** A thread's previews together, newest message first; bodies past it get the short preview. */
export const THREAD_PREVIEW_CHARS = 400_000;
export const SHORT_PREVIEW_CHARS = 20_000;
/** "Show all": the most the Desk sanitizes as HTML; a longer email is shown as its text. */
export const WHOLE_CHARS = MAX_INPUT_CHARS;

/** Sanitizing one body. */
export const BODY_TIME_MS = DEFAULT_TIME_BUDGET_MS;
/** A thread's bodies together: past it, bodies not yet prepared show their text (and are prepared again on the next read). */
export const THREAD_TIME_MS = 3_000;

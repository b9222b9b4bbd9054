import { z } from "zod";
import { ASSISTANT_SCOPES } from "../assistant";
import { ATTACHMENT_LIMITS, attachmentsProblem } from "../attachments";
import { INPUT_MESSAGES, MAX_BODY_CHARS, MAX_EMAIL_CHARS, MAX_NAME_CHARS, MAX_SUBJECT_CHARS } from "../inputs";
import { TICKET_PRIORITIES, TICKET_STATUSES } from "../ticket";
import { AccountDomain, GorgiasId } from "./ids";

/**
 * What our server actions accept from the browser. They carry intent only: the server derives
 * sender, channel, `public`, recipients, `from`, the subject of a reply and the account
 * (docs/safety.md#client-intent, #notes-private), so those keys are not merely ignored but refused (`.strict()`). Server and tests
 * only: the browser imports just the types.
 */

/** Made when the composer opens and reused for every retry of that send (docs/safety.md#send-once). */
export const OperationId = z.uuid();

const bodyText = z
  .string()
  .max(MAX_BODY_CHARS, INPUT_MESSAGES.longBody)
  .refine((s) => s.trim().length > 0, INPUT_MESSAGES.emptyBody);

export const ReplyInput = z
  .object({
    ticketId: GorgiasId,
    operationId: OperationId,
    bodyText,
    /** The newest message the agent had on screen; a newer one means they must confirm (docs/safety.md#stale-thread). */
    lastSeenMessageId: GorgiasId.nullable(),
    confirmNewerMessages: z.boolean().default(false),
  })
  .strict();

export const NoteInput = z
  .object({
    ticketId: GorgiasId,
    operationId: OperationId,
    bodyText,
    mentionUserIds: z.array(GorgiasId).max(50).default([]),
  })
  .strict();

/**
 * A macro the agent previewed and applied (docs/safety.md#macros). The server reads the macro
 * again and performs its actions only if they are still the ones previewed (`fingerprint`).
 */
export const AppliedMacroInput = z
  .object({
    id: GorgiasId,
    fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
    /** The macro's internal note as the preview showed it (variables filled); null when it has none. */
    noteText: z.string().max(MAX_BODY_CHARS).nullable().default(null),
  })
  .strict();
export type AppliedMacroInput = z.infer<typeof AppliedMacroInput>;

/** A macro's actions without a message: a macro with no reply text, or a retry after the message went out. */
export const ApplyMacroInput = z
  .object({
    ticketId: GorgiasId,
    /** The send's operation id on a retry, a fresh one otherwise: the macro's note is posted once per id. */
    operationId: OperationId,
    macro: AppliedMacroInput,
    /** A retry after Send & Close: the close goes into the same update. */
    closeAfter: z.boolean().default(false),
    /** A retry after Send & Snooze: the close carries this wake time (implies `closeAfter`). */
    snoozeUntil: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type ApplyMacroInput = z.infer<typeof ApplyMacroInput>;

/**
 * Files already uploaded through our upload route (`POST /api/upload`'s descriptors), sent with the
 * message. Part of the send's input, so a retry of the same operation carries the same files and
 * never uploads them again (docs/safety.md#attachments); checked against the same limits as the upload.
 */
export const AttachmentList = z
  .array(
    z
      .object({
        url: z.url({ protocol: /^https?$/ }).max(2000),
        name: z.string().trim().min(1).max(ATTACHMENT_LIMITS.nameChars),
        contentType: z.string().min(1).max(255),
        size: z.number().int().min(1).max(ATTACHMENT_LIMITS.fileBytes),
      })
      .strict(),
  )
  .max(ATTACHMENT_LIMITS.count)
  .superRefine((list, ctx) => {
    const problem = attachmentsProblem(list);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  // Optional, so callers without files (assistants, new tickets) are unchanged.
  .optional();

/**
 * Send, Send & Close (`closeAfter`) or Send & Snooze (`snoozeUntil`). `replyOn` is the agent's choice among the channels the
 * ticket offers (the server checks it against the ticket and derives everything else from it:
 * docs/safety.md#reply-channel); without it the reply follows the customer's latest message.
 * `assignIfUnassigned`: the agent's auto-assign setting (an unassigned ticket becomes theirs).
 */
/**
 * `undoSeconds`: how long the send waits on the server, which the agent may undo meanwhile
 * (docs/safety.md#undo-send); the server clamps it (`clampUndoSeconds`). Absent or 0: it goes now.
 */
const undoSeconds = z.number().int().min(0).max(3600).optional();

export const SendReplyInput = ReplyInput.extend({
  closeAfter: z.boolean().default(false),
  /** Send & Snooze: after the send, the ticket is closed with this wake time (implies `closeAfter`). */
  snoozeUntil: z.iso.datetime({ offset: true }).optional(),
  replyOn: z.string().regex(/^[a-z0-9_-]{1,64}$/).optional(),
  assignIfUnassigned: z.boolean().default(false),
  /** A macro applied in the composer: its actions follow the message (docs/safety.md#macros). */
  macro: AppliedMacroInput.optional(),
  attachments: AttachmentList,
  undoSeconds,
}).strict();
export type SendReplyInput = z.infer<typeof SendReplyInput>;

export const SendNoteInput = NoteInput.extend({ closeAfter: z.boolean().default(false), macro: AppliedMacroInput.optional(), attachments: AttachmentList, undoSeconds }).strict();
export type SendNoteInput = z.infer<typeof SendNoteInput>;

/** Undo a send that is still waiting (docs/safety.md#undo-send). */
export const UndoSendInput = z.object({ operationId: OperationId }).strict();
export type UndoSendInput = z.infer<typeof UndoSendInput>;

export const UpdateTicketInput = z
  .object({
    ticketId: GorgiasId,
    status: z.enum(TICKET_STATUSES).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    /** null unassigns. */
    assigneeUserId: GorgiasId.nullable().optional(),
    assigneeTeamId: GorgiasId.nullable().optional(),
    /**
     * A future instant re-opens the ticket then; null cancels the snooze. A snooze is sent with
     * `status: closed` (docs/architecture.md, "Snooze"), so it cannot come with `open`.
     */
    snoozeUntil: z.iso.datetime({ offset: true }).nullable().optional(),
    spam: z.boolean().optional(),
    /** True moves the ticket to the trash (the server stamps the time), false restores it. */
    trashed: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== "ticketId" && v[k as keyof typeof v] !== undefined), "Nothing to change.")
  .refine((v) => !(v.snoozeUntil && v.status === "open"), "A snoozed ticket is closed until it wakes.");

const TagName = z.string().trim().min(1).max(256);

/** Tags to add (created by name when new) and to remove; at least one of either. */
export const TicketTagsInput = z
  .object({ ticketId: GorgiasId, add: z.array(TagName).max(20).default([]), remove: z.array(TagName).max(20).default([]) })
  .strict()
  .refine((v) => v.add.length + v.remove.length > 0, "Nothing to change.");
export type TicketTagsInput = z.input<typeof TicketTagsInput>;

/** Read or unread for the agent: marked read when a ticket is opened, unread by hand. */
export const ReadStateInput = z.object({ ticketId: GorgiasId, unread: z.boolean() }).strict();
export type ReadStateInput = z.infer<typeof ReadStateInput>;

export const CreateTicketInput = z
  .object({
    operationId: OperationId,
    customerEmail: z.email(INPUT_MESSAGES.email).max(MAX_EMAIL_CHARS, INPUT_MESSAGES.email),
    customerName: z.string().trim().max(MAX_NAME_CHARS, INPUT_MESSAGES.longName).optional(),
    subject: z.string().trim().min(1, INPUT_MESSAGES.emptySubject).max(MAX_SUBJECT_CHARS, INPUT_MESSAGES.longSubject),
    bodyText,
    tagNames: z.array(z.string().trim().min(1).max(256)).max(20).default([]),
  })
  .strict();

/** A new ticket whose first message is e-mailed to the customer (`email`) or is an internal note. */
export const CreateTicketRequest = CreateTicketInput.extend({ kind: z.enum(["email", "note"]) }).strict();
export type CreateTicketRequest = z.infer<typeof CreateTicketRequest>;

export const DraftMode = z.enum(["reply", "note"]);
const DraftRevision = z.number().int().positive().nullable();

export const SaveDraftInput = z
  .object({
    ticketId: GorgiasId,
    mode: DraftMode,
    bodyText: z.string().max(MAX_BODY_CHARS),
    operationId: OperationId,
    /** The server revision this tab last saw: a save over any other is refused (a stale tab). */
    baseRevision: DraftRevision,
  })
  .strict();
export type SaveDraftInput = z.infer<typeof SaveDraftInput>;

export const DiscardDraftInput = z.object({ ticketId: GorgiasId, mode: DraftMode, baseRevision: DraftRevision }).strict();
export type DiscardDraftInput = z.infer<typeof DiscardDraftInput>;

export const SignInInput = z.object({
  accountDomain: z.string().trim().toLowerCase().pipe(AccountDomain),
  email: z.string().trim().toLowerCase().email("Enter the email you use in Gorgias").max(MAX_EMAIL_CHARS),
  apiKey: z.string().trim().min(8, "Enter an API key from Gorgias (Settings → REST API)").max(512),
});
export type SignInInput = z.infer<typeof SignInInput>;

/** A personal access token for an assistant (docs/safety.md#assistant-tokens). */
export const CreateAssistantTokenInput = z
  .object({
    name: z.string().trim().min(1, "Name it after the assistant that will use it.").max(80, "Keep the name under 80 characters."),
    scopes: z.array(z.enum(ASSISTANT_SCOPES)).min(1, "Choose at least one scope.").max(ASSISTANT_SCOPES.length),
  })
  .strict();
export type CreateAssistantTokenInput = z.infer<typeof CreateAssistantTokenInput>;

export const RevokeAssistantTokenInput = z.object({ tokenId: z.uuid() }).strict();
export type RevokeAssistantTokenInput = z.infer<typeof RevokeAssistantTokenInput>;

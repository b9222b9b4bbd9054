"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent } from "react";
import { matchesShortcut, setPreference, useShortcut, usePreferences } from "@/features/shell";
import { reportTyping } from "@/features/live";
import { useMoveOn } from "@/features/inbox";
import { macroContext, removeVariable, renderMacro, templateSegments, unfilledVariables, variableLabel } from "@/lib/domain/macro-template";
import type { ComposerMode } from "@/features/composer/client/drafts";
import { replyFromQuery, type ServerDrafts } from "@/features/composer/client/reads";
import { ticketKeys } from "@/lib/client/query-keys";
import { cx } from "@/lib/utils";
import { MAX_BODY_CHARS } from "@/lib/domain/inputs";
import type { ComposerProps } from "./composer";
import { ComposerFooter } from "./composer-footer";
import { ModeBanner } from "./mode-banner";
import { ModeTabs } from "./mode-tabs";
import { NewerMessagesNotice } from "./newer-messages";
import { DraftConflictNotice } from "./draft-conflict";
import { EarlierSendNotice } from "./earlier-send";
import { SendProblemNotice } from "./send-problem";
import { TemplateTextarea } from "./template-textarea";
import { UnfilledChips } from "./unfilled-chips";
import { newestMode, useComposerDrafts } from "@/features/composer/client/use-composer-drafts";
import { useComposerSend } from "@/features/composer/client/use-composer-send";
import { useNewerOnScreen } from "@/features/composer/client/use-newer-on-screen";
import { isNewerMessagesConflict } from "@/features/composer/client/send";
import { useComposerMacro } from "@/features/composer/client/use-composer-macro";
import { describeStep, planMacro } from "@/lib/domain/macro-actions";
import { MacroPreview } from "./macro-preview";
import { ArmedMacroChip, MacroResultNotice } from "./macro-status";

// "Tue, Dec 1, 9:00 AM": when a snooze would wake, in the agent's own time zone.
const wakeTime = (d: Date) => d.toLocaleString(undefined, { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
import { useAttachmentUploads } from "@/features/composer/client/use-attachment-uploads";
import type { UploadedFile } from "@/lib/domain/attachments";
import { AttachButton } from "./attach-button";
import { AttachmentChips, RefusedFiles } from "./attachment-chips";
import { SignaturePreview } from "./signature-preview";

const count = (n: number) => n.toLocaleString("en-US");
const tooLong = (length: number) =>
  `Too long to send: ${count(length)} characters, ${count(length - MAX_BODY_CHARS)} over the limit of ${count(MAX_BODY_CHARS)}.`;

/** What the agent asked for and typed while the editor was still loading (see `Composer`). */
export interface EarlyIntent {
  readonly mode: ComposerMode;
  readonly typed: string;
}

export function ComposerEditor({ account, ticket, agent, lastSeenMessageId, serverDrafts, early }: ComposerProps & { serverDrafts: ServerDrafts | null; early: EarlyIntent | null }) {
  const idPrefix = useId();
  const client = useQueryClient();
  const { drafts, status, conflicts, earlier, setText, setAttachments, applyEvent, confirmed, takeTheirs, keepMine, dismissEarlier } = useComposerDrafts({ account, agentId: agent.id, ticketId: ticket.id }, serverDrafts);
  const uploads = useAttachmentUploads(account, useCallback((m: ComposerMode, file: UploadedFile) => setAttachments(m, (files) => [...files, file]), [setAttachments]));
  const [dragging, setDragging] = useState(false);
  const [mode, setMode] = useState<ComposerMode>(() => early?.mode ?? newestMode(drafts));
  // Messages the agent reviewed after a "customer wrote again" warning count as seen.
  const [reviewedUpTo, setReviewedUpTo] = useState<number | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const seenUpTo = Math.max(lastSeenMessageId ?? 0, reviewedUpTo ?? 0) || null;
  const send = useComposerSend({ account, ticketId: ticket.id, lastSeenMessageId: seenUpTo, onConfirmed: confirmed, onEvent: applyEvent });
  // What the send would stop on, known as soon as the live feed re-reads the thread.
  const newer = useNewerOnScreen(account, ticket.id, seenUpTo, agent.userId);
  const macro = useComposerMacro(account, ticket.id);
  const armed = macro.armed?.mode === mode ? macro.armed : null;

  const draft = drafts[mode];
  const unfilled = useMemo(() => unfilledVariables(draft.text), [draft.text]);
  const routes = ticket.replyRoutes ?? [];
  const [replyOn, setReplyOn] = useState<string | null>(null);
  const route = routes.find((r) => r.channel === replyOn) ?? routes[0] ?? null;
  const onEmail = !route || route.channel === "email";
  const recipient = onEmail ? (ticket.replyAddress ?? ticket.customer?.email ?? null) : (ticket.customer?.name ?? null);
  const { autoAssign, undoSendSeconds } = usePreferences();
  const replyFrom = useQuery({ ...replyFromQuery(account, ticket.id), enabled: mode === "reply" && onEmail });
  const problem = send.problem?.mode === mode ? send.problem : null;
  const warnNewer = mode === "reply" && draft.text.trim() !== "" && newer.length > 0 && !isNewerMessagesConflict(problem?.error ?? null);
  const pendingUploads = uploads.pending.filter((p) => p.mode === mode);
  const uploading = pendingUploads.filter((p) => p.state === "uploading").length;
  const failedUpload = pendingUploads.find((p) => p.state === "failed");
  // A message never goes without a file it shows (docs/safety.md#attachments).
  const blockedBy = send.pending
    ? "Sending…"
    : uploading > 0
      ? `Wait for ${uploading === 1 ? "the file" : `${uploading} files`} to finish uploading.`
      : failedUpload
        ? `${failedUpload.file.name} did not upload: try it again or remove it.`
    : !draft.text.trim()
      ? "Write a message first."
      : draft.text.length > MAX_BODY_CHARS
        ? tooLong(draft.text.length)
      : unfilled.length > 0
        ? `Fill or remove ${unfilled.map(variableLabel).join(", ")} first.`
        : mode === "reply" && route?.refusal
          ? route.refusal
          : mode === "reply" && onEmail && !recipient
            ? "This customer has no email address to reply to."
            : null;

  function onText(text: string) {
    // Messages already on screen when the agent starts a reply were there to read before it.
    const starting = mode === "reply" && draft.text.trim() === "" && text.trim() !== "";
    if (starting && newer.length > 0) setReviewedUpTo(newer.at(-1) ?? null);
    setText(mode, text);
    reportTyping(mode);
  }

  function reviewNewer() {
    document.querySelector(`[data-message-id="${newer[0]}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
    setReviewedUpTo(newer.at(-1) ?? null);
  }

  function focusMode(next: ComposerMode) {
    setMode(next);
    requestAnimationFrame(() => textarea.current?.focus());
  }
  useShortcut("reply", () => focusMode("reply"));
  useShortcut("note", () => focusMode("note"));
  // Keys pressed while the editor loaded: their mode is already chosen; the text and focus land now.
  useEffect(() => {
    if (!early) return;
    if (early.typed) setText(early.mode, drafts[early.mode].text + early.typed);
    textarea.current?.focus();
    // Once, as the editor mounts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Done with the ticket: a reply, or anything with Close, moves on by the agent's preference; a
  // plain note is part of the work and stays. The way on is chosen now, before a close can take
  // the ticket out of the list.
  const moveOn = useMoveOn(account, ticket.id);
  function submit(closeAfter: boolean, confirmNewerMessages = false, snoozeUntil?: string) {
    if (blockedBy) return;
    const go = mode === "reply" || closeAfter ? moveOn() : null;
    const withMacro = armed?.input;
    // Moves on once: as soon as the server holds a waiting send (it goes without this page), else when sent.
    let moved = false;
    const moveOnce = () => {
      if (go && !moved) go();
      moved = true;
    };
    send.submit(
      {
        mode,
        bodyText: draft.text,
        operationId: draft.operationId,
        closeAfter,
        ...(snoozeUntil ? { snoozeUntil } : {}),
        confirmNewerMessages,
        // The channel the agent sees: the server checks it against the ticket it reads, so a reply never
        // goes out on another channel than the one shown (docs/safety.md#reply-channel).
        ...(route ? { replyOn: route.channel } : {}),
        assignIfUnassigned: autoAssign,
        ...(withMacro ? { macro: withMacro } : {}),
        attachments: draft.attachments,
        undoSeconds: undoSendSeconds,
      },
      (outcome) => {
        if (withMacro) macro.sent(outcome.macro, outcome.operationId, withMacro, closeAfter, snoozeUntil);
        // Actions that failed stay on screen to be applied again: the agent does not move on from them.
        if (!outcome.closeError && outcome.macro?.applied !== false) moveOnce();
      },
      // With a macro the agent stays until its actions report (after the undo window), so a
      // failure is seen where it can be applied again.
      withMacro ? undefined : moveOnce,
    );
  }

  // Scoped to the composer rather than a window shortcut, so Ctrl+Enter in any other field on the
  // page (a search, a tag input) can never send this reply.
  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    if (e.nativeEvent.isComposing) return;
    // Esc leaves the text (kept as a draft) so the ticket's keys work again; a second Esc goes back.
    if (e.key === "Escape" && e.target === textarea.current) {
      e.preventDefault();
      textarea.current?.blur();
      return;
    }
    const closeAfter = matchesShortcut("sendAndClose", e);
    if (!closeAfter && !matchesShortcut("send", e)) return;
    e.preventDefault();
    if (!e.repeat) submit(closeAfter);
  }

  const ctx = macroContext({ ticket: { id: ticket.id, subject: ticket.subject, customer: ticket.customer }, agent, order: ticket.order });
  function insertMacro(template: string) {
    const { text } = renderMacro(template, ctx);
    const el = textarea.current;
    const current = draft.text;
    const start = current.trim() ? (el?.selectionStart ?? current.length) : 0;
    const end = current.trim() ? (el?.selectionEnd ?? current.length) : current.length;
    setText(mode, current.slice(0, start) + text + current.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  }

  function selectVariable(path: string) {
    let offset = 0;
    for (const s of templateSegments(draft.text)) {
      if (s.kind === "variable" && s.path === path) {
        textarea.current?.focus();
        textarea.current?.setSelectionRange(offset, offset + s.text.length);
        return;
      }
      offset += s.text.length;
    }
  }

  function review() {
    const ids = (send.problem?.error.fields?.newerMessages ?? []).map(Number).filter(Number.isFinite);
    if (ids.length) setReviewedUpTo(Math.max(...ids));
    send.dismissProblem();
    void client.invalidateQueries({ queryKey: ticketKeys.detail(account, ticket.id) });
  }

  const addFiles = (files: readonly File[]) => {
    if (files.length > 0 && !send.pending) uploads.add(mode, files, draft.attachments);
  };
  const hasFiles = (e: DragEvent<HTMLElement>) => Array.from(e.dataTransfer.types).includes("Files");
  function onDragOver(e: DragEvent<HTMLElement>) {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
    setDragging(true);
  }
  function onDragLeave(e: DragEvent<HTMLElement>) {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
  }
  function onDrop(e: DragEvent<HTMLElement>) {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setDragging(false);
    addFiles(Array.from(e.dataTransfer.files));
  }
  function onPaste(e: ClipboardEvent<HTMLTextAreaElement>) {
    // A pasted screenshot or copied file: attached, not pasted as text.
    const files = Array.from(e.clipboardData.files);
    if (files.length === 0) return;
    e.preventDefault();
    addFiles(files);
  }
  const signature = mode === "reply" && onEmail ? (replyFrom.data?.signature?.text ?? null) : null;

  const chipsId = `${idPrefix}-unfilled`;
  const previewPlan = macro.preview ? planMacro(macro.preview) : null;
  const previewReply = previewPlan?.replyTemplate != null ? renderMacro(previewPlan.replyTemplate, ctx) : null;
  const previewNote = previewPlan?.noteTemplate != null ? renderMacro(previewPlan.noteTemplate, ctx).text : null;
  const previewSteps = previewPlan ? previewPlan.steps.map((step) => describeStep(step, { now: new Date(), formatTime: wakeTime, noteText: previewNote })) : [];
  return (
    <section
      aria-label="Composer"
      data-testid="composer"
      data-mode={mode}
      onKeyDown={onKeyDown}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      className={cx(
        "relative flex flex-col gap-2 rounded-lg border border-t-4 p-3 transition-colors",
        dragging && "ring-2 ring-brand/50",
        mode === "note"
          ? "border-amber-300 border-t-amber-400 bg-amber-50 dark:border-amber-800 dark:border-t-amber-600 dark:bg-amber-950/20"
          : "border-zinc-200 border-t-brand bg-white dark:border-zinc-800 dark:bg-zinc-950",
      )}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <ModeTabs mode={mode} onChange={setMode} idPrefix={idPrefix} flagged={send.problem && send.problem.mode !== mode ? [send.problem.mode] : []} />
        <ModeBanner mode={mode} recipient={recipient} route={route} routes={routes} onRoute={setReplyOn} from={replyFrom.data?.from} />
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${mode}`} className="flex flex-col gap-2">
        <UnfilledChips id={chipsId} paths={unfilled} onSelect={selectVariable} onRemove={(p) => setText(mode, removeVariable(draft.text, p))} />
        <TemplateTextarea
          textareaRef={textarea}
          tone={mode}
          value={draft.text}
          onValueChange={onText}
          readOnly={send.pending}
          aria-label={mode === "reply" ? `Reply to ${recipient ?? "the customer"} (${onEmail ? "will be emailed" : `will be sent on ${route.label}`})` : "Internal note (only agents see this)"}
          aria-describedby={unfilled.length ? chipsId : undefined}
          placeholder={mode === "reply" ? "Write your reply to the customer…" : "Write a note for your team. The customer never sees it."}
          className={mode === "note" ? "bg-amber-100/60 dark:bg-amber-900/20" : "bg-white dark:bg-zinc-900"}
          onPaste={onPaste}
        />
        {signature && <SignaturePreview signature={signature} bodyText={draft.text} />}
        <AttachmentChips
          files={draft.attachments}
          pending={pendingUploads}
          onRemove={(i) => setAttachments(mode, (files) => files.filter((_, k) => k !== i))}
          onRetry={uploads.retry}
          onDiscard={uploads.discard}
          disabled={send.pending}
        />
        {uploads.refused?.mode === mode && <RefusedFiles reasons={uploads.refused.reasons} onDismiss={uploads.dismissRefused} />}
        {dragging && (
          <p className="pointer-events-none absolute inset-0 flex items-center justify-center rounded-lg bg-white/80 text-sm font-medium text-zinc-800 dark:bg-zinc-950/80 dark:text-zinc-100" aria-hidden>
            Drop files to attach them
          </p>
        )}
        {earlier[mode] && (
          <EarlierSendNotice
            mode={mode}
            state={earlier[mode]}
            onDismiss={() => dismissEarlier(mode)}
            onCheck={() => {
              dismissEarlier(mode);
              submit(false);
            }}
          />
        )}
        {conflicts[mode] && <DraftConflictNotice theirs={conflicts[mode]} onTakeTheirs={() => takeTheirs(mode)} onKeepMine={() => keepMine(mode)} />}
        {warnNewer && <NewerMessagesNotice count={newer.length} onReview={reviewNewer} />}
        {problem && (
          <SendProblemNotice
            key={problem.seq}
            problem={problem}
            disabled={send.pending}
            onRetry={() => submit(problem.request.closeAfter, problem.request.confirmNewerMessages, problem.request.snoozeUntil)}
            onSendAnyway={() => submit(problem.request.closeAfter, true, problem.request.snoozeUntil)}
            onReview={review}
            onStartOver={() => {
              applyEvent(mode, { type: "started-over" });
              send.dismissProblem();
            }}
          />
        )}
        {previewPlan && (
          <MacroPreview
            key={previewPlan.macroId}
            plan={previewPlan}
            replyText={previewReply?.text ?? null}
            missing={previewReply?.missing ?? []}
            steps={previewSteps}
            disabled={send.pending || macro.pending}
            onCancel={() => {
              macro.close();
              textarea.current?.focus();
            }}
            onApply={() => {
              if (previewPlan.replyTemplate !== null) insertMacro(previewPlan.replyTemplate);
              macro.confirm(previewPlan, mode, previewNote, previewSteps);
            }}
          />
        )}
        {armed && <ArmedMacroChip armed={armed} onRemove={macro.disarm} disabled={send.pending} />}
        {macro.result && <MacroResultNotice result={macro.result} pending={macro.pending} onRetry={macro.retry} onDismiss={macro.dismiss} />}
        <ComposerFooter
          account={account}
          ticketId={ticket.id}
          mode={mode}
          pending={send.pending}
          blockedBy={blockedBy}
          saveStatus={status[mode]}
          lastOutcome={send.lastOutcome?.mode === mode ? send.lastOutcome.outcome : null}
          onMacro={macro.open}
          onSend={submit}
          onSendAndSnooze={(until) => submit(true, false, until)}
          channelLabel={onEmail ? null : route.label}
          autoAssign={mode === "reply" && !ticket.assigned ? { on: autoAssign, onChange: (on) => setPreference("autoAssign", on) } : null}
          tools={<AttachButton onFiles={addFiles} disabled={send.pending} />}
        />
      </div>
    </section>
  );
}

"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { discardDraft, saveDraft } from "@/features/composer/server/actions";
import {
  afterConfirmed,
  draftStorageKey,
  newOperationId,
  nextOperationId,
  openingOperationId,
  pickDraft,
  type ComposerMode,
  type OperationEvent,
} from "@/features/composer/client/drafts";
import { readLocalDraft, writeLocalDraft } from "@/features/composer/client/local-drafts";
import { fetchServerDrafts, type ServerDrafts } from "@/features/composer/client/reads";
import { createDraftSaver, type DraftSaver, type SaveStatus, type WriteOutcome } from "@/features/composer/client/draft-saver";
import type { DraftWrite, ServerDraft } from "@/lib/domain/contract/responses";
import type { Result } from "@/lib/result";
import { MAX_BODY_CHARS } from "@/lib/domain/inputs";
import type { AppError } from "@/lib/errors";
import type { UploadedFile } from "@/lib/domain/attachments";

export interface ModeDraft {
  readonly text: string;
  readonly operationId: string;
  readonly updatedAt: string | null;
  /** Uploaded files the send will carry (docs/safety.md#attachments). */
  readonly attachments: readonly UploadedFile[];
}
type Drafts = Record<ComposerMode, ModeDraft>;
const MODES: readonly ComposerMode[] = ["reply", "note"];
const SAVE_DELAY_MS = 600;

interface Where {
  readonly account: string;
  readonly agentId: string;
  readonly ticketId: number;
}

/**
 * A send of this browser's draft that was under way when the page went away (a reload, a crash),
 * or that waits on the server for its undo window (docs/safety.md#undo-send).
 */
export type EarlierSend = "sent" | "sending" | "unknown" | "waiting";
type Earlier = Record<ComposerMode, EarlierSend | null>;
const RECHECK_MS = 2000;

/** The operation ids this browser's drafts for the ticket carry, to ask the server how they stand. */
export function localOperationIds(where: Where): string[] {
  return MODES.flatMap((mode) => readLocalDraft(draftStorageKey({ ...where, mode })).draft?.operationId ?? []);
}

function restore(where: Where, server: ServerDrafts | null): { drafts: Drafts; earlier: Earlier } {
  const earlier: Earlier = { reply: null, note: null };
  const one = (mode: ComposerMode): ModeDraft => {
    const key = draftStorageKey({ ...where, mode });
    let local = readLocalDraft(key);
    const opId = local.draft?.operationId;
    const send = opId ? server?.sends.find((s) => s.operationId === opId) : undefined;
    if (send?.state === "sent" && opId) {
      // It went out while this page was away: the text is not a draft any more.
      local = afterConfirmed(local, opId);
      writeLocalDraft(key, local);
      earlier[mode] = "sent";
    } else if (send?.state === "sending" || send?.state === "unknown" || send?.state === "waiting") {
      earlier[mode] = send.state;
    }
    const picked = pickDraft(server?.[mode] ?? null, local);
    // The server's copy holds text only: this device's files stay with the same operation.
    const files = picked?.attachments ?? (local.draft && local.draft.operationId === picked?.operationId ? (local.draft.attachments ?? []) : []);
    return { text: picked?.bodyText ?? "", operationId: openingOperationId(picked, newOperationId), updatedAt: picked?.updatedAt ?? null, attachments: files };
  };
  return { drafts: { reply: one("reply"), note: one("note") }, earlier };
}

/** Which tab to open on: the one the agent typed in last. */
export function newestMode(drafts: Drafts): ComposerMode {
  const t = (m: ComposerMode) => (drafts[m].text.trim() ? Date.parse(drafts[m].updatedAt ?? "") || 0 : -1);
  return t("note") > t("reply") ? "note" : "reply";
}

/**
 * Per-mode draft text and operation id: restored from the newer of the server's and this browser's
 * copy, written to localStorage on every keystroke and to the server after a pause, over the server
 * revision this tab saw (docs/safety.md#drafts). A newer revision from another tab is a conflict the
 * agent resolves; what could not be saved offline is pushed when the connection returns.
 * Mounted only on the client, after the server drafts were read (see `Composer`).
 */
export function useComposerDrafts(where: Where, server: ServerDrafts | null) {
  const [restored] = useState(() => restore(where, server));
  const [drafts, setDrafts] = useState<Drafts>(restored.drafts);
  const [earlier, setEarlier] = useState<Earlier>(restored.earlier);
  const current = useRef(drafts);
  const [status, setStatus] = useState<Record<ComposerMode, SaveStatus>>({ reply: "idle", note: "idle" });
  const [conflicts, setConflicts] = useState<Record<ComposerMode, ServerDraft | null>>({ reply: null, note: null });
  const savers = useRef<Partial<Record<ComposerMode, DraftSaver>>>({});
  // The server revision each mode last saw; read and written only inside its saver's serial chain.
  const base = useRef<Record<ComposerMode, number | null>>({ reply: server?.reply?.revision ?? null, note: server?.note?.revision ?? null });
  const { account, agentId, ticketId } = where;

  useEffect(() => {
    const made: Partial<Record<ComposerMode, DraftSaver>> = {};
    for (const mode of MODES) {
      const settle = (result: Result<DraftWrite, AppError>): WriteOutcome => {
        if (!result.ok) return "failed";
        const write = result.value;
        if (write.kind === "conflict") {
          setConflicts((prev) => ({ ...prev, [mode]: write.current }));
          return "conflict";
        }
        base.current[mode] = write.kind === "saved" ? write.revision : null;
        return "done";
      };
      made[mode] = createDraftSaver({
        delayMs: SAVE_DELAY_MS,
        // Over the limit the server would refuse it anyway: it stays on this device until shortened.
        persist: async (d) => (d.bodyText.length > MAX_BODY_CHARS ? "failed" : settle(await saveDraft({ ticketId, mode, bodyText: d.bodyText, operationId: d.operationId, baseRevision: base.current[mode] }))),
        remove: async () => settle(await discardDraft({ ticketId, mode, baseRevision: base.current[mode] })),
        onStatus: (s) => setStatus((prev) => ({ ...prev, [mode]: s })),
      });
    }
    savers.current = made;
    const flushAll = () => MODES.forEach((m) => void made[m]?.flush());
    const onHide = () => document.visibilityState === "hidden" && flushAll();
    const onOnline = () => MODES.forEach((m) => void made[m]?.resume());
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", flushAll);
    window.addEventListener("online", onOnline);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", flushAll);
      window.removeEventListener("online", onOnline);
      flushAll();
      MODES.forEach((m) => made[m]?.dispose());
    };
  }, [account, agentId, ticketId]);

  const commit = useCallback((mode: ComposerMode, next: ModeDraft) => {
    current.current = { ...current.current, [mode]: next };
    setDrafts(current.current);
    const key = draftStorageKey({ account, agentId, ticketId, mode });
    const record = { bodyText: next.text, operationId: next.operationId, updatedAt: next.updatedAt ?? new Date().toISOString() };
    writeLocalDraft(key, { draft: next.attachments.length > 0 ? { ...record, attachments: next.attachments } : record, sent: readLocalDraft(key).sent });
    if (next.text.trim()) savers.current[mode]?.schedule(record);
    else void savers.current[mode]?.discard();
  }, [account, agentId, ticketId]);

  const setText = useCallback(
    (mode: ComposerMode, text: string) => commit(mode, { ...current.current[mode], text, updatedAt: new Date().toISOString() }),
    [commit],
  );

  /** Changes the draft's files (an upload finished, or the agent removed one); the text is untouched. */
  const setAttachments = useCallback(
    (mode: ComposerMode, change: (files: readonly UploadedFile[]) => readonly UploadedFile[]) =>
      commit(mode, { ...current.current[mode], attachments: change(current.current[mode].attachments), updatedAt: new Date().toISOString() }),
    [commit],
  );

  const applyEvent = useCallback((mode: ComposerMode, event: OperationEvent) => {
    const d = current.current[mode];
    const operationId = nextOperationId(d.operationId, event, newOperationId);
    if (operationId !== d.operationId) commit(mode, { ...d, operationId, updatedAt: new Date().toISOString() });
  }, [commit]);

  /** The send of `operationId` was confirmed: the draft goes, and the next message gets a new id. */
  const confirmed = useCallback((mode: ComposerMode, operationId: string) => {
    const key = draftStorageKey({ account, agentId, ticketId, mode });
    writeLocalDraft(key, afterConfirmed(readLocalDraft(key), operationId));
    void savers.current[mode]?.discard();
    const d = current.current[mode];
    if (d.operationId !== operationId) return;
    current.current = { ...current.current, [mode]: { text: "", operationId: nextOperationId(d.operationId, { type: "confirmed", operationId }, newOperationId), updatedAt: null, attachments: [] } };
    setDrafts(current.current);
  }, [account, agentId, ticketId]);

  // A send still running (or waiting) when the page went away: ask again until it settles (docs/safety.md#send-once).
  useEffect(() => {
    const stillSending = MODES.filter((m) => earlier[m] === "sending" || earlier[m] === "waiting");
    if (stillSending.length === 0) return;
    const timer = setTimeout(async () => {
      const asked = stillSending.map((mode) => ({ mode, operationId: current.current[mode].operationId }));
      const found = await fetchServerDrafts(account, ticketId, asked.map((a) => a.operationId)).catch(() => null);
      const next: Earlier = { ...earlier };
      for (const { mode, operationId } of asked) {
        const state = found?.sends.find((s) => s.operationId === operationId)?.state;
        if (state === "sent") confirmed(mode, operationId);
        // Still sending or waiting (or not known yet): a new object re-arms this effect for another look.
        next[mode] = state === "not_sent" || state === "undone" ? null : (state ?? "sending");
      }
      setEarlier(next);
    }, RECHECK_MS);
    return () => clearTimeout(timer);
  }, [account, ticketId, earlier, confirmed]);

  const dismissEarlier = useCallback((mode: ComposerMode) => setEarlier((prev) => ({ ...prev, [mode]: null })), []);

  /** The agent takes the other tab's newer draft: it replaces the text here. */
  const takeTheirs = useCallback((mode: ComposerMode) => {
    const theirs = conflicts[mode];
    if (!theirs) return;
    base.current[mode] = theirs.revision;
    setConflicts((prev) => ({ ...prev, [mode]: null }));
    // Files go with their operation: kept when the other tab's draft is the same message.
    const files = theirs.operationId === current.current[mode].operationId ? current.current[mode].attachments : [];
    commit(mode, { text: theirs.bodyText, operationId: theirs.operationId, updatedAt: theirs.updatedAt, attachments: files });
  }, [commit, conflicts]);

  /** The agent keeps this tab's text: it is saved (or the draft discarded) over the other revision. */
  const keepMine = useCallback((mode: ComposerMode) => {
    const theirs = conflicts[mode];
    if (!theirs) return;
    base.current[mode] = theirs.revision;
    setConflicts((prev) => ({ ...prev, [mode]: null }));
    commit(mode, { ...current.current[mode], updatedAt: new Date().toISOString() });
    void savers.current[mode]?.flush();
  }, [commit, conflicts]);

  return { drafts, status, conflicts, earlier, setText, setAttachments, applyEvent, confirmed, takeTheirs, keepMine, dismissEarlier };
}

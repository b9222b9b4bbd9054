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
import type { ServerDrafts } from "@/features/composer/client/reads";
import { createDraftSaver, type DraftSaver, type SaveStatus } from "@/features/composer/client/draft-saver";

export interface ModeDraft {
  readonly text: string;
  readonly operationId: string;
  readonly updatedAt: string | null;
}
type Drafts = Record<ComposerMode, ModeDraft>;
const MODES: readonly ComposerMode[] = ["reply", "note"];
const SAVE_DELAY_MS = 600;

interface Where {
  readonly account: string;
  readonly agentId: string;
  readonly ticketId: number;
}

function restore(where: Where, server: ServerDrafts | null): Drafts {
  const one = (mode: ComposerMode): ModeDraft => {
    const picked = pickDraft(server?.[mode] ?? null, readLocalDraft(draftStorageKey({ ...where, mode })));
    return { text: picked?.bodyText ?? "", operationId: openingOperationId(picked, newOperationId), updatedAt: picked?.updatedAt ?? null };
  };
  return { reply: one("reply"), note: one("note") };
}

/** Which tab to open on: the one the agent typed in last. */
export function newestMode(drafts: Drafts): ComposerMode {
  const t = (m: ComposerMode) => (drafts[m].text.trim() ? Date.parse(drafts[m].updatedAt ?? "") || 0 : -1);
  return t("note") > t("reply") ? "note" : "reply";
}

/**
 * Per-mode draft text and operation id: restored from the newer of the server's and this browser's
 * copy, written to localStorage on every keystroke and to the server after a pause.
 * Mounted only on the client, after the server drafts were read (see `Composer`).
 */
export function useComposerDrafts(where: Where, server: ServerDrafts | null) {
  const [drafts, setDrafts] = useState<Drafts>(() => restore(where, server));
  const current = useRef(drafts);
  const [status, setStatus] = useState<Record<ComposerMode, SaveStatus>>({ reply: "idle", note: "idle" });
  const savers = useRef<Partial<Record<ComposerMode, DraftSaver>>>({});
  const { account, agentId, ticketId } = where;

  useEffect(() => {
    const made: Partial<Record<ComposerMode, DraftSaver>> = {};
    for (const mode of MODES) {
      made[mode] = createDraftSaver({
        delayMs: SAVE_DELAY_MS,
        persist: async (d) => (await saveDraft({ ticketId, mode, bodyText: d.bodyText, operationId: d.operationId })).ok,
        remove: async () => void (await discardDraft({ ticketId, mode })),
        onStatus: (s) => setStatus((prev) => ({ ...prev, [mode]: s })),
      });
    }
    savers.current = made;
    const flushAll = () => MODES.forEach((m) => void made[m]?.flush());
    const onHide = () => document.visibilityState === "hidden" && flushAll();
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", flushAll);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", flushAll);
      flushAll();
      MODES.forEach((m) => made[m]?.dispose());
    };
  }, [account, agentId, ticketId]);

  const commit = useCallback((mode: ComposerMode, next: ModeDraft) => {
    current.current = { ...current.current, [mode]: next };
    setDrafts(current.current);
    const key = draftStorageKey({ account, agentId, ticketId, mode });
    const record = { bodyText: next.text, operationId: next.operationId, updatedAt: next.updatedAt ?? new Date().toISOString() };
    writeLocalDraft(key, { draft: record, sent: readLocalDraft(key).sent });
    if (next.text.trim()) savers.current[mode]?.schedule(record);
    else void savers.current[mode]?.discard();
  }, [account, agentId, ticketId]);

  const setText = useCallback(
    (mode: ComposerMode, text: string) => commit(mode, { ...current.current[mode], text, updatedAt: new Date().toISOString() }),
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
    current.current = { ...current.current, [mode]: { text: "", operationId: nextOperationId(d.operationId, { type: "confirmed", operationId }, newOperationId), updatedAt: null } };
    setDrafts(current.current);
  }, [account, agentId, ticketId]);

  return { drafts, status, setText, applyEvent, confirmed };
}

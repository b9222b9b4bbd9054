"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { ASSISTANT_SCOPES, SCOPE_TEXT, type AssistantScope } from "@/lib/domain/assistant";
import type { AppError } from "@/lib/errors";
import { createAssistantToken } from "../server/actions";
import { NewToken } from "./new-token";

/**
 * Makes a token: a name and its scopes. Observers' keys cannot write in Gorgias, so only `read` is
 * offered to them (the server refuses the rest anyway).
 */
export function TokenForm({ readOnlyRole }: { readOnlyRole: boolean }) {
  const router = useRouter();
  const [scopes, setScopes] = useState<readonly AssistantScope[]>(["read"]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<{ name: string; token: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    setBusy(true);
    setError(null);
    try {
      const result = await createAssistantToken({ name, scopes: [...scopes] });
      if (!result.ok) return setError(result.error);
      setMade({ name: result.value.view.name, token: result.value.token });
      form.reset();
      setScopes(["read"]);
      router.refresh();
    } catch {
      setError({ code: "upstream_unavailable", message: "The server could not be reached. Try again." });
    } finally {
      setBusy(false);
    }
  }

  const toggle = (scope: AssistantScope, on: boolean) => setScopes((current) => ASSISTANT_SCOPES.filter((s) => (s === scope ? on : current.includes(s))));

  return (
    <div className="flex flex-col gap-3">
      {made && <NewToken name={made.name} token={made.token} onDone={() => setMade(null)} />}
      <form onSubmit={submit} className="flex flex-col gap-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-800" aria-labelledby="new-token-title">
        <h2 id="new-token-title" className="text-sm font-semibold">
          New token
        </h2>
        <TextField label="Name" name="name" placeholder="Claude on my laptop" required maxLength={80} errors={error?.fields?.name} hint="Which assistant will use it, so you recognise it later." />
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">Scopes</legend>
          {ASSISTANT_SCOPES.map((scope) => {
            const blocked = readOnlyRole && scope !== "read";
            return (
              <label key={scope} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="scopes" value={scope} checked={scopes.includes(scope)} disabled={blocked} onChange={(e) => toggle(scope, e.target.checked)} className="mt-0.5" />
                <span>
                  <span className="font-medium">{scope}</span> <span className="text-zinc-600 dark:text-zinc-400">— {SCOPE_TEXT[scope]}</span>
                  {blocked && <span className="block text-xs text-zinc-500">Not for your Gorgias role, which cannot change tickets.</span>}
                </span>
              </label>
            );
          })}
          {error?.fields?.scopes && <p className="text-xs text-red-600 dark:text-red-400">{error.fields.scopes.join(" ")}</p>}
        </fieldset>
        {error && !error.fields && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {error.message}
          </p>
        )}
        <div>
          <Button type="submit" variant="primary" disabled={busy || scopes.length === 0}>
            Create token
          </Button>
        </div>
      </form>
    </div>
  );
}

"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { SignInState } from "@/lib/domain/sign-in-state";

export interface SignInFormProps {
  action: (state: SignInState, form: FormData) => Promise<SignInState>;
  /** Fixed by GORGIAS_ACCOUNT_DOMAIN; when absent the agent types it. */
  fixedAccountDomain: string | null;
  /** Where the agent was headed when sign-in interrupted them. */
  callbackUrl: string;
}

export function SignInForm({ action, fixedAccountDomain, callbackUrl }: SignInFormProps) {
  const [state, formAction, pending] = useActionState(action, { error: null, fields: {}, values: {} });
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.error && (
        <p role="alert" data-testid="sign-in-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {state.error}
        </p>
      )}
      {fixedAccountDomain ? (
        <input type="hidden" name="accountDomain" value={fixedAccountDomain} />
      ) : (
        <TextField
          label="Account"
          name="accountDomain"
          placeholder="acme"
          hint="Your Gorgias subdomain: acme for acme.gorgias.com"
          autoComplete="organization"
          defaultValue={state.values.accountDomain}
          errors={state.fields.accountDomain}
          required
        />
      )}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        defaultValue={state.values.email}
        errors={state.fields.email}
        required
      />
      <TextField
        label="API key"
        name="apiKey"
        type="password"
        autoComplete="current-password"
        hint="Gorgias → Settings → REST API. It is stored encrypted and never sent to your browser."
        errors={state.fields.apiKey}
        required
      />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Checking with Gorgias…" : "Sign in"}
      </Button>
    </form>
  );
}

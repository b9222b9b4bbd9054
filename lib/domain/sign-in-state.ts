/** What the sign-in action hands back to its form: never the API key. */
export interface SignInState {
  readonly error: string | null;
  readonly fields: Readonly<Record<string, readonly string[]>>;
  readonly values: { readonly accountDomain?: string; readonly email?: string };
}

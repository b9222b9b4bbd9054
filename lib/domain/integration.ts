export const EMAIL_INTEGRATION_TYPES = ["email", "gmail", "outlook"] as const;

export interface Integration {
  readonly id: number;
  readonly name: string;
  readonly type: string;
  /** The sending address for e-mail integrations; null for other kinds. */
  readonly address: string | null;
  readonly active: boolean;
}

export const isEmailIntegration = (i: Pick<Integration, "type">): boolean =>
  (EMAIL_INTEGRATION_TYPES as readonly string[]).includes(i.type);

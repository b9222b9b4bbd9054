/** One message for every failure, so a prober learns nothing about which part was wrong. */
export const SIGN_IN_FAILED = "Those credentials did not work for that account. Check the email and API key and try again.";

/** A sandbox agent offered for one-click sign-in; its key stays on the server. */
export interface DemoAgent {
  readonly accountDomain: string;
  readonly name: string;
  readonly email: string;
  readonly role: string;
}

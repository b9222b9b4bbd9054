/** What the app knows about the agent behind a valid session. Never the API key. */
export interface SignedInAgent {
  readonly agentId: string;
  readonly accountDomain: string;
  readonly gorgiasUserId: number;
  readonly email: string;
  readonly name: string;
  readonly role: string;
}

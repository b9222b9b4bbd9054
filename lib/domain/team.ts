export interface TeamRef {
  readonly id: number;
  readonly name: string;
  readonly emoji: string | null;
}

export interface TeamMember {
  readonly id: number;
  readonly name: string | null;
  readonly email: string | null;
}

export interface Team extends TeamRef {
  readonly description: string | null;
  readonly members: readonly TeamMember[];
}

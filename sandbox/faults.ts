// Faults let tests rehearse what a flaky Gorgias does: wrong statuses, slow answers, cut
// connections, broken JSON. Each fault applies to the next N matching requests, in order.

export type FaultKind = "status" | "delay" | "drop" | "malformed";

export interface FaultSpec {
  method: string;
  path: string;
  count: number;
  account: string | null;
  kind: FaultKind;
  status: number | null;
  retryAfter: number | null;
  delayMs: number | null;
}

interface ArmedFault extends FaultSpec {
  remaining: number;
  pattern: RegExp;
}

export class FaultBook {
  private faults: ArmedFault[] = [];

  add(spec: FaultSpec): void {
    const pattern = new RegExp(`^${spec.path.split("*").map(escapeRegex).join(".+")}/?$`);
    this.faults.push({ ...spec, remaining: spec.count, pattern });
  }

  clear(): void {
    this.faults = [];
  }

  list(): FaultSpec[] {
    return this.faults.map(({ pattern: _p, remaining, ...spec }) => ({ ...spec, count: remaining }));
  }

  /** Consumes and returns the first armed fault matching the request. */
  take(method: string, account: string, path: string): FaultSpec | null {
    const index = this.faults.findIndex(
      (f) => (f.method === "*" || f.method === method) && (f.account === null || f.account === account) && f.pattern.test(path),
    );
    const fault = this.faults[index];
    if (!fault) return null;
    fault.remaining--;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}

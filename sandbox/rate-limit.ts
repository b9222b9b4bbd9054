// Gorgias meters API-key traffic with a leaky bucket per account: 40 requests that drain
// continuously over 20 s. Every agent of an account shares the bucket.

export interface RateLimitConfig {
  capacity: number;
  windowSeconds: number;
}

export interface RateDecision {
  allowed: boolean;
  used: number;
  capacity: number;
  retryAfterSeconds: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { level: number; at: number }>();

  constructor(
    private config: RateLimitConfig | false,
    private readonly defaults: RateLimitConfig,
  ) {}

  configure(config: RateLimitConfig | false): void {
    this.config = config;
  }

  current(): RateLimitConfig | false {
    return this.config;
  }

  reset(): void {
    this.buckets.clear();
  }

  /** Counts one request; when the limiter is off the header still reports usage. */
  take(account: string, now = Date.now()): RateDecision {
    const { capacity, windowSeconds } = this.config || this.defaults;
    const bucket = this.level(account, capacity, windowSeconds, now);
    if (this.config && bucket.level + 1 > capacity) {
      const perSecond = capacity / windowSeconds;
      const retry = Math.max(1, Math.ceil((bucket.level + 1 - capacity) / perSecond));
      return { allowed: false, used: Math.ceil(bucket.level), capacity, retryAfterSeconds: retry };
    }
    bucket.level = Math.min(bucket.level + 1, this.config ? capacity : Number.MAX_SAFE_INTEGER);
    return { allowed: true, used: Math.min(capacity, Math.ceil(bucket.level)), capacity, retryAfterSeconds: 0 };
  }

  peek(account: string, now = Date.now()): { used: number; capacity: number } {
    const { capacity, windowSeconds } = this.config || this.defaults;
    return { used: Math.min(capacity, Math.ceil(this.level(account, capacity, windowSeconds, now).level)), capacity };
  }

  private level(account: string, capacity: number, windowSeconds: number, now: number) {
    let bucket = this.buckets.get(account);
    if (!bucket) this.buckets.set(account, (bucket = { level: 0, at: now }));
    const drained = ((now - bucket.at) / 1000) * (capacity / windowSeconds);
    bucket.level = Math.max(0, bucket.level - drained);
    bucket.at = now;
    return bucket;
  }
}

/** The sandbox's clock: real time, or real time shifted to a moment someone chose (it keeps running). */
export class SandboxClock {
  constructor(public offsetMs: number | null = null) {}

  now(): Date {
    return new Date(Date.now() + (this.offsetMs ?? 0));
  }

  /** Moves the clock to `at` (it runs on from there); null goes back to real time. */
  set(at: Date | null): void {
    this.offsetMs = at ? at.getTime() - Date.now() : null;
  }

  get real(): boolean {
    return this.offsetMs === null;
  }
}

import { FailureBackoff } from './failure-backoff';

describe('FailureBackoff', () => {
  let now = 0;
  const backoff = () =>
    new FailureBackoff(
      { freeFailures: 3, baseDelayMs: 1_000, maxDelayMs: 8_000, memoryMs: 60_000 },
      () => now,
    );
  const fail = (b: FailureBackoff, key: string, times: number) => {
    for (let i = 0; i < times; i += 1) b.recordFailure(key);
  };

  beforeEach(() => {
    now = 10_000;
  });

  it('lets the free failures through without a wait', () => {
    const b = backoff();
    fail(b, 'alex', 2);
    expect(b.retryAfterMs('alex')).toBe(0);
  });

  it('makes the next attempt wait after the last free failure', () => {
    const b = backoff();
    fail(b, 'alex', 3);
    expect(b.retryAfterMs('alex')).toBe(1_000);
    now += 400;
    expect(b.retryAfterMs('alex')).toBe(600);
    now += 600;
    expect(b.retryAfterMs('alex')).toBe(0);
  });

  it('doubles the wait with each further failure, up to the cap', () => {
    const b = backoff();
    const waits: number[] = [];
    fail(b, 'alex', 3);
    for (let i = 0; i < 6; i += 1) {
      waits.push(b.retryAfterMs('alex'));
      now += b.retryAfterMs('alex');
      b.recordFailure('alex');
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('counts each key on its own', () => {
    const b = backoff();
    fail(b, 'alex', 5);
    expect(b.retryAfterMs('sam')).toBe(0);
  });

  it('forgets a key once its wait has ended and the memory has passed', () => {
    const b = backoff();
    fail(b, 'alex', 4);
    now += 2_000 + 59_999;
    b.recordFailure('alex');
    expect(b.retryAfterMs('alex')).toBe(4_000);

    now += 4_000 + 60_000;
    expect(b.retryAfterMs('alex')).toBe(0);
    fail(b, 'alex', 2);
    expect(b.retryAfterMs('alex')).toBe(0);
  });

  it('forgets failures after a reset', () => {
    const b = backoff();
    fail(b, 'alex', 5);
    b.reset('alex');
    expect(b.retryAfterMs('alex')).toBe(0);
  });

  it('takes back one failure when forgiven, and forgets the key at zero', () => {
    const b = backoff();
    fail(b, 'client', 3);
    b.forgive('client');
    expect(b.retryAfterMs('client')).toBe(0);
    b.recordFailure('client');
    expect(b.retryAfterMs('client')).toBe(1_000);
    for (let i = 0; i < 4; i += 1) b.forgive('client');
    fail(b, 'client', 2);
    expect(b.retryAfterMs('client')).toBe(0);
  });

  it('never overflows, however many failures', () => {
    const b = backoff();
    fail(b, 'alex', 10_000);
    expect(b.retryAfterMs('alex')).toBe(8_000);
  });
});

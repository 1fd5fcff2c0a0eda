import { FailureLimiter } from './failure-limiter';

describe('FailureLimiter', () => {
  let now = 0;
  const limiter = () => new FailureLimiter(3, 1_000, () => now);

  beforeEach(() => {
    now = 10_000;
  });

  it('allows attempts until the limit of failures is reached', () => {
    const l = limiter();
    l.recordFailure('alex');
    l.recordFailure('alex');
    expect(l.retryAfterMs('alex')).toBe(0);
    l.recordFailure('alex');
    expect(l.retryAfterMs('alex')).toBe(1_000);
  });

  it('counts each key on its own', () => {
    const l = limiter();
    for (let i = 0; i < 3; i += 1) l.recordFailure('alex');
    expect(l.retryAfterMs('sam')).toBe(0);
  });

  it('unblocks when the window that began with the first failure ends', () => {
    const l = limiter();
    for (let i = 0; i < 3; i += 1) l.recordFailure('alex');
    now += 600;
    expect(l.retryAfterMs('alex')).toBe(400);
    now += 400;
    expect(l.retryAfterMs('alex')).toBe(0);
    l.recordFailure('alex');
    expect(l.retryAfterMs('alex')).toBe(0);
  });

  it('forgets failures after a reset', () => {
    const l = limiter();
    for (let i = 0; i < 3; i += 1) l.recordFailure('alex');
    l.reset('alex');
    expect(l.retryAfterMs('alex')).toBe(0);
  });

  it('takes back one failure when forgiven, and forgets the key at zero', () => {
    const l = limiter();
    for (let i = 0; i < 3; i += 1) l.recordFailure('client');
    l.forgive('client');
    expect(l.retryAfterMs('client')).toBe(0);
    l.recordFailure('client');
    expect(l.retryAfterMs('client')).toBe(1_000);
    l.forgive('client');
    l.forgive('client');
    l.forgive('client');
    l.forgive('client');
    for (let i = 0; i < 2; i += 1) l.recordFailure('client');
    expect(l.retryAfterMs('client')).toBe(0);
  });
});

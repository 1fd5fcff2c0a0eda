import { mergedReasons } from './message-escalation';

describe('mergedReasons', () => {
  it('keeps the earlier reasons first and adds each new category once', () => {
    expect(mergedReasons(['urgent_flag', 'weapon'], ['self_harm', 'weapon'])).toEqual([
      'urgent_flag',
      'weapon',
      'self_harm',
    ]);
    expect(mergedReasons([], ['abuse'])).toEqual(['abuse']);
  });
});

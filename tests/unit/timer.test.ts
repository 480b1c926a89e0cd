import { describe, expect, it } from 'vitest';
import {
  addMinute,
  describeRemaining,
  formatRemaining,
  isDone,
  isLow,
  isRunning,
  newTimer,
  pause,
  preset,
  remaining,
  reset,
  start,
  toggle,
} from '../../src/domain/workshop/timer';
import { isMessage } from '../../src/domain/workshop/messages';

const T0 = 1_000_000;

describe('the discussion timer', () => {
  it('runs down from its length, pauses and resumes where it was', () => {
    let t = start(newTimer(2), T0);
    expect(isRunning(t)).toBe(true);
    expect(remaining(t, T0 + 30_000)).toBe(90_000);
    t = pause(t, T0 + 30_000);
    expect(remaining(t, T0 + 999_999)).toBe(90_000);
    t = start(t, T0 + 100_000);
    expect(remaining(t, T0 + 110_000)).toBe(80_000);
    expect(toggle(t, T0 + 110_000).endsAt).toBeNull();
  });

  it('is low in the last 30 seconds and done at zero, never negative', () => {
    const t = start(newTimer(2), T0);
    expect(isLow(t, T0 + 89_000)).toBe(false);
    expect(isLow(t, T0 + 91_000)).toBe(true);
    expect(isDone(t, T0 + 119_999)).toBe(false);
    expect(isDone(t, T0 + 120_000)).toBe(true);
    expect(remaining(t, T0 + 500_000)).toBe(0);
    expect(isLow(t, T0 + 500_000)).toBe(false);
  });

  it('adds a minute whether running, paused or finished', () => {
    const running = start(newTimer(5), T0);
    expect(remaining(addMinute(running, T0), T0)).toBe(6 * 60_000);
    expect(addMinute(newTimer(5), T0).remainingMs).toBe(6 * 60_000);
    const finished = start(newTimer(2), T0);
    expect(remaining(addMinute(finished, T0 + 200_000), T0 + 200_000)).toBe(60_000);
  });

  it('restarts a finished round from its full length, and resets or switches preset', () => {
    const done = start(newTimer(2), T0);
    const again = start(pause(done, T0 + 200_000), T0 + 200_000);
    expect(remaining(again, T0 + 200_000)).toBe(120_000);
    expect(reset(start(newTimer(10), T0))).toEqual(newTimer(10));
    expect(preset(15)).toEqual(newTimer(15));
  });

  it('shows and speaks the time left', () => {
    expect(formatRemaining(125_000)).toBe('2:05');
    expect(formatRemaining(100)).toBe('0:01');
    expect(formatRemaining(0)).toBe('0:00');
    expect(describeRemaining(65_000)).toBe('1 minute 5 seconds left');
    expect(describeRemaining(120_000)).toBe('2 minutes left');
    expect(describeRemaining(1_000)).toBe('1 second left');
  });
});

describe('window messages', () => {
  it('accepts the commands and states the windows send, and nothing else', () => {
    expect(isMessage({ type: 'command', command: 'next' })).toBe(true);
    expect(isMessage({ type: 'command', command: 'timer-preset', minutes: 10 })).toBe(true);
    expect(isMessage({ type: 'hello' })).toBe(true);
    expect(isMessage({ type: 'command', command: 'delete-everything' })).toBe(false);
    expect(isMessage({ type: 'command', command: 'timer-preset', minutes: -5 })).toBe(false);
    expect(isMessage({ type: 'state' })).toBe(false);
    expect(isMessage('next')).toBe(false);
    expect(isMessage(null)).toBe(false);
  });
});

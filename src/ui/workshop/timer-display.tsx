import { useEffect, useRef, useState } from 'preact/hooks';
import { describeRemaining, formatRemaining, isDone, isLow, isRunning, remaining, type Timer } from '../../domain/workshop/timer';
import { playChime } from './chime';
import { useNow } from './use-now';

interface Props {
  timer: Timer;
  sound: boolean;
  size?: 'large' | 'normal';
  /** Only one window should chime and announce; the other just shows the time. */
  speaks?: boolean;
}

/** The round's time left: changes look when little is left, and says so to screen readers. */
export function TimerDisplay({ timer, sound, size = 'normal', speaks = true }: Props) {
  const now = useNow(isRunning(timer));
  const left = remaining(timer, now);
  const low = isLow(timer, now);
  const done = isDone(timer, now);
  const [announcement, setAnnouncement] = useState('');
  const said = useRef({ minute: false, done: false });

  useEffect(() => {
    said.current = { minute: false, done: false };
    if (isRunning(timer)) setAnnouncement(`Timer running: ${describeRemaining(remaining(timer, Date.now()))}.`);
    else if (timer.remainingMs < timer.durationMs && timer.remainingMs > 0) setAnnouncement('Timer paused.');
  }, [timer.endsAt, timer.remainingMs, timer.durationMs]);

  useEffect(() => {
    if (!speaks) return;
    if (done && !said.current.done) {
      said.current.done = true;
      setAnnouncement('Time is up.');
      if (sound) playChime();
    } else if (isRunning(timer) && left <= 60_000 && left > 50_000 && !said.current.minute) {
      said.current.minute = true;
      setAnnouncement('One minute left.');
    }
  }, [done, left, sound, speaks]);

  return (
    <div class={`timer timer--${size} ${low ? 'timer--low' : ''} ${done ? 'timer--done' : ''}`} data-testid="timer">
      <span class="timer__label">{done ? 'Time’s up' : isRunning(timer) ? 'Time left' : 'Timer'}</span>
      <span class="timer__time" aria-hidden="true">
        {formatRemaining(left)}
      </span>
      <span class="visually-hidden">{done ? 'Time is up' : describeRemaining(left)}</span>
      {speaks && (
        <span class="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </span>
      )}
    </div>
  );
}

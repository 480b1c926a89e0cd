import { render, screen } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { useAppStatus } from '../../src/state/app-status';
import { LogbookLoading } from '../../src/ui/logbook/logbook-loading';

afterEach(() => useAppStatus.getState().set({ logbookUpgrading: false }));

describe('the logbook loading message', () => {
  it('says the logbook is opening, and explains the wait while it is updated for a new version', () => {
    render(<LogbookLoading />);
    expect(screen.getByRole('status').textContent).toBe('Opening your logbook…');
    act(() => useAppStatus.getState().set({ logbookUpgrading: true }));
    expect(screen.getByRole('status').textContent).toMatch(/^Updating your logbook for this version of the app\..*nothing is lost/);
    act(() => useAppStatus.getState().set({ logbookUpgrading: false }));
    expect(screen.getByRole('status').textContent).toBe('Opening your logbook…');
  });
});

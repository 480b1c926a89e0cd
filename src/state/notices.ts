/**
 * App-wide messages: a storage problem that needs the user's attention, a warning before one
 * happens (space running low), and a short-lived toast (with an optional Undo). Framework-light,
 * with no storage import, so the shell can show them without loading the database code on
 * first paint.
 */
import { createStore } from 'zustand/vanilla';
import { bindStore } from './bind-store';

export interface Problem {
  kind: string;
  message: string;
}

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

interface NoticeState {
  problem: Problem | null;
  warning: Problem | null;
  toast: Toast | null;
  showProblem: (problem: Problem) => void;
  clearProblem: () => void;
  showWarning: (warning: Problem | null) => void;
  showToast: (message: string, action?: Toast['action']) => void;
  dismissToast: (id: number) => void;
}

let toastId = 0;

export const useNotices = bindStore(
  createStore<NoticeState>()((set, get) => ({
    problem: null,
    warning: null,
    toast: null,
    // A full or damaged device outranks anything else: it is never replaced by a lesser problem.
    showProblem: (problem) => {
      if (get().problem?.kind !== 'full') set({ problem });
    },
    clearProblem: () => set({ problem: null }),
    showWarning: (warning) => set({ warning }),
    showToast: (message, action) => set({ toast: { id: ++toastId, message, ...(action ? { action } : {}) } }),
    dismissToast: (id) => {
      if (get().toast?.id === id) set({ toast: null });
    },
  })),
);

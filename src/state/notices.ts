/**
 * App-wide messages: a storage problem that needs the user's attention, and a short-lived toast
 * (with an optional Undo). Framework-light, with no storage import, so the shell can show them
 * without loading the database code on first paint.
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
  toast: Toast | null;
  showProblem: (problem: Problem) => void;
  clearProblem: () => void;
  showToast: (message: string, action?: Toast['action']) => void;
  dismissToast: (id: number) => void;
}

let toastId = 0;

export const useNotices = bindStore(
  createStore<NoticeState>()((set, get) => ({
  problem: null,
  toast: null,
  showProblem: (problem) => set({ problem }),
  clearProblem: () => set({ problem: null }),
  showToast: (message, action) => set({ toast: { id: ++toastId, message, ...(action ? { action } : {}) } }),
  dismissToast: (id) => {
    if (get().toast?.id === id) set({ toast: null });
  },
})),
);

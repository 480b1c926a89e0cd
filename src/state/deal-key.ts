/** Where the deal in progress is kept; the entry script only asks whether there is one. */
export const DEAL_STORAGE_KEY = 'power-shifting:deal';

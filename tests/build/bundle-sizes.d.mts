export interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}
export declare const KB: number;
export declare const BUDGETS: { critical: number; allJs: number };
export declare function bundleSizes(dist: string): {
  html: Size;
  critical: { files: Record<string, Size>; total: Size };
  all: { files: Record<string, Size>; js: Size; jsCount: number; css: Size };
};

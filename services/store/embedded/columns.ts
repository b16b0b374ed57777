// How the embedded store's typed-array columns grow (evidence rows, row links, text locations, the
// UTF-8 pool's tables): by half again, from 1,024 at least, so that appends cost amortised O(1).
type Column = Uint8Array | Uint16Array | Uint32Array | Int32Array;

/** `a` when it holds `size` values already, else a longer copy whose new slots are `fill`. */
export function grow<T extends Column>(a: T, size: number, fill = 0): T {
  if (size <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(size, Math.ceil(a.length * 1.5), 1024));
  if (fill !== 0) next.fill(fill, a.length);
  next.set(a);
  return next;
}

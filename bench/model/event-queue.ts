/** A binary heap of timed callbacks: the discrete-event model's clock only moves to the next event. */
export class EventQueue {
  private heap: { t: number; seq: number; run: (t: number) => void }[] = [];
  private seq = 0;
  now = 0;

  at(t: number, run: (t: number) => void): void {
    const h = this.heap;
    h.push({ t: Math.max(t, this.now), seq: this.seq++, run });
    for (let i = h.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (this.less(i, p)) [h[i], h[p]] = [h[p], h[i]];
      else break;
      i = p;
    }
  }

  run(): void {
    const h = this.heap;
    while (h.length) {
      const top = h[0];
      const last = h.pop()!;
      if (h.length) {
        h[0] = last;
        for (let i = 0; ;) {
          const [l, r] = [2 * i + 1, 2 * i + 2];
          let m = i;
          if (l < h.length && this.less(l, m)) m = l;
          if (r < h.length && this.less(r, m)) m = r;
          if (m === i) break;
          [h[i], h[m]] = [h[m], h[i]];
          i = m;
        }
      }
      this.now = top.t;
      top.run(top.t);
    }
  }

  private less(a: number, b: number): boolean {
    const [x, y] = [this.heap[a], this.heap[b]];
    return x.t < y.t || (x.t === y.t && x.seq < y.seq);
  }
}

/**
 * Neumaier (improved Kahan) compensated summation. numpy sums pairwise, whose
 * error grows ~log2(n) ulp; a compensated sum stays within ~1 ulp of the exact
 * sum, so it is never farther from the exact value than scipy itself.
 */
export class NeumaierSum {
  private s = 0;
  private c = 0;

  add(x: number): void {
    const t = this.s + x;
    if (Math.abs(this.s) >= Math.abs(x)) this.c += this.s - t + x;
    else this.c += x - t + this.s;
    this.s = t;
  }

  get value(): number {
    return this.s + this.c;
  }
}

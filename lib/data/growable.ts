// Growable typed arrays: doubling capacity, trimmed on finish. One class per array type, on purpose:
// V8 keeps type feedback per function, so a single generic push would see three array types and
// store through a slow polymorphic path (measured: a third of the CSV reader's per-value time).

export class GrowableFloat64 {
  length = 0;
  constructor(private data: Float64Array) {}
  push(value: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, new Float64Array(this.data.length * 2));
    this.data[this.length++] = value;
  }
  /** Room for n values in all, in one allocation (when the final length can be estimated). */
  reserve(n: number): void {
    if (n > this.data.length) this.data = grown(this.data, new Float64Array(n));
  }
  finish(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

export class GrowableInt32 {
  length = 0;
  constructor(private data: Int32Array) {}
  push(value: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, new Int32Array(this.data.length * 2));
    this.data[this.length++] = value;
  }
  /** Room for n values in all, in one allocation (when the final length can be estimated). */
  reserve(n: number): void {
    if (n > this.data.length) this.data = grown(this.data, new Int32Array(n));
  }
  finish(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

export class GrowableUint8 {
  length = 0;
  constructor(private data: Uint8Array) {}
  push(value: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, new Uint8Array(this.data.length * 2));
    this.data[this.length++] = value;
  }
  /** Room for n values in all, in one allocation (when the final length can be estimated). */
  reserve(n: number): void {
    if (n > this.data.length) this.data = grown(this.data, new Uint8Array(n));
  }
  finish(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

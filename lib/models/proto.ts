/**
 * The protobuf wire format, as much as reading an ONNX file's header and graph signature needs
 * (https://protobuf.dev/programming-guides/encoding/): fields are read lazily from a byte view, so
 * a model's weights (initializers, often most of the file) are skipped by their length, never copied.
 */
import { DataError } from '../errors';

/** One field: its number, and its value as a number (varint, fixed) or the bytes of a length-delimited field. */
export interface ProtoField {
  number: number;
  /** 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32. */
  wire: number;
  value: number;
  bytes: Uint8Array;
  /** Where the field (tag included) starts and ends in the message. */
  start: number;
  end: number;
}

function malformed(where: number): DataError {
  return new DataError('onnx-malformed', `not an ONNX model: the protobuf is malformed at byte ${where} — export the model again (e.g. onnx.save)`);
}

/** A varint at `at`: its value (exact below 2^53) and the position after it. */
function readVarint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (at + i >= bytes.length) throw malformed(at);
    const byte = bytes[at + i]!;
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if (byte < 0x80) return [value, at + i + 1];
  }
  throw malformed(at);
}

/** The fields of a message in file order. */
export function* protoFields(bytes: Uint8Array): Generator<ProtoField> {
  let at = 0;
  while (at < bytes.length) {
    const start = at;
    const [tag, afterTag] = readVarint(bytes, at);
    const wire = tag % 8;
    const number = Math.floor(tag / 8);
    at = afterTag;
    let value = 0;
    let body = bytes.subarray(at, at);
    if (wire === 0) [value, at] = readVarint(bytes, at);
    else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else if (wire === 2) {
      const [length, from] = readVarint(bytes, at);
      at = from + length;
      body = bytes.subarray(from, at);
    } else throw malformed(start);
    if (at > bytes.length || number === 0) throw malformed(start);
    yield { number, wire, value, bytes: body, start, end: at };
  }
}

const decoder = new TextDecoder();

export function protoString(field: ProtoField): string {
  return decoder.decode(field.bytes);
}

/** Repeated integers: packed (one length-delimited field) or one varint per field. */
export function protoInts(field: ProtoField): number[] {
  if (field.wire === 0) return [field.value];
  const out: number[] = [];
  for (let at = 0; at < field.bytes.length;) {
    const [value, next] = readVarint(field.bytes, at);
    out.push(value);
    at = next;
  }
  return out;
}

function varint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

/** Encodes fields: a number is a varint field, bytes or a string a length-delimited one. */
export function encodeFields(fields: [number, number | string | Uint8Array][]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const [number, value] of fields) {
    if (typeof value === 'number') {
      parts.push(Uint8Array.from([...varint(number * 8), ...varint(value)]));
      continue;
    }
    const body = typeof value === 'string' ? new TextEncoder().encode(value) : value;
    parts.push(Uint8Array.from([...varint(number * 8 + 2), ...varint(body.length)]), body);
  }
  return concatBytes(parts);
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

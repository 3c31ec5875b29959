import { describe, expect, it } from 'vitest';
import { newCellInputs } from '../../../lib/notebook/actions';

const pair = { reference: 'ref', current: 'cur' };

describe('newCellInputs', () => {
  it('fills a two-dataset kind slot by slot and a one-dataset kind with the reference', () => {
    expect(newCellInputs('drift', pair)).toEqual({ reference: 'ref', current: 'cur' });
    expect(newCellInputs('quality', pair)).toEqual({ reference: 'ref', current: 'cur' });
    expect(newCellInputs('note', pair)).toEqual({});
  });

  it('gives change detection the current data as its stream and the reference as its reference (inputs.fill)', () => {
    expect(newCellInputs('change', pair)).toEqual({ reference: 'cur', current: 'ref' });
  });

  it('with only a reference loaded, change detection watches it and leaves its optional reference empty (no dataset twice)', () => {
    expect(newCellInputs('change', { reference: 'ref' })).toEqual({ reference: 'ref' });
    expect(newCellInputs('change', { current: 'cur' })).toEqual({ reference: 'cur' });
    expect(newCellInputs('change', {})).toEqual({});
  });
});

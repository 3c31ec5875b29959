/** runDetector: River's `for i, x in enumerate(stream)` loop, 0-based indices, refused input. */
import { describe, expect, it } from 'vitest';
import { runDetector } from '../../../lib/stream/detectors/run';
import { RIVER } from './streams';

describe('runDetector', () => {
  it('returns 0-based detection indices and takes any array-like of numbers', () => {
    expect(runDetector('adwin', {}, Float64Array.from(RIVER.stream_1))).toEqual({ detections: [1023], warnings: [] });
    expect(runDetector('cusum', { h: 1 }, [0, 2])).toEqual({ detections: [1], warnings: [] });
  });

  it('refuses NaN and infinities, naming the index', () => {
    expect(() => runDetector('page_hinkley', {}, [1, 2, NaN])).toThrow(/page_hinkley: value at index 2 is NaN; remove or fill missing/);
    expect(() => runDetector('adwin', {}, [Infinity])).toThrow(/value at index 0 is Infinity/);
  });

  it('checks parameters before reading any value', () => {
    expect(() => runDetector('kswin', { stat_size: 200 }, [])).toThrow(/kswin: stat_size must be smaller than window_size/);
  });

  it('stops when aborted', () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped by the user'));
    expect(() => runDetector('adwin', {}, [1, 2, 3], { signal: controller.signal })).toThrow(/stopped by the user/);
  });

  it('an empty stream has no detections', () => {
    expect(runDetector('kswin', {}, [])).toEqual({ detections: [], warnings: [] });
  });
});

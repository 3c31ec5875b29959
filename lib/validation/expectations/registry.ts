/** Every supported expectation type's runner, one family per file. */
import type { ExpectationRunner } from '../context';
import { AGGREGATE_RUNNERS } from './aggregate';
import { KL_RUNNERS } from './kl-divergence';
import { MAP_RUNNERS } from './map';
import { TABLE_RUNNERS } from './table';
import { TEXT_RUNNERS } from './text';

const RUNNERS: Readonly<Record<string, ExpectationRunner>> = { ...MAP_RUNNERS, ...TEXT_RUNNERS, ...AGGREGATE_RUNNERS, ...KL_RUNNERS, ...TABLE_RUNNERS };

export function runnerOf(type: string): ExpectationRunner | undefined {
  return Object.prototype.hasOwnProperty.call(RUNNERS, type) ? RUNNERS[type] : undefined;
}

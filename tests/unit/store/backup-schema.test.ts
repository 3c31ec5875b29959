import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { BACKUP_SCHEMAS } from '../../../lib/store/backup-schema';
import { emptyCard } from '../../../lib/cards/types';
import { cardsV1, cellsV1, manifestV1 } from '../../../lib/store/backup-validate.generated.mjs';
import { VALIDATOR_PATH, validatorSource } from '../../../scripts/make-backup-validator.mjs';

describe('backup schema', () => {
  it('the committed precompiled validators are generated from lib/store/backup-schema.ts (npx tsx scripts/make-backup-validator.mts)', async () => {
    expect(readFileSync(VALIDATOR_PATH, 'utf8')).toBe(await validatorSource());
  });

  it('is a valid strict JSON schema, and the precompiled validators agree with ajv compiling it', () => {
    const ajv = new Ajv({ strict: true });
    const samples: unknown[] = [
      [],
      [{ id: 'a', workspaceId: 'w', order: 0, kind: 'any kind', title: '', config: null, inputs: {}, status: 'idle', updatedAt: '' }],
      [{ id: '', workspaceId: 'w', order: 0, kind: 'x', title: '', config: 1, inputs: {}, status: 'idle', updatedAt: '' }],
      [{ id: 'a', workspaceId: 'w', order: '0', kind: 'x', title: '', config: 1, inputs: { reference: { id: 'd' } }, status: 'idle', updatedAt: '' }],
      {
        format: 'driftbook-workspace',
        version: 1,
        appVersion: '0.1.0',
        exportedAt: '',
        workspace: { id: 'w', name: 'n', createdAt: '', updatedAt: '' },
        datasets: [],
        cells: 0,
      },
      {
        format: 'driftbook-workspace',
        version: 1,
        appVersion: '0.1.0',
        exportedAt: '',
        workspace: { id: 'w', name: 'n', createdAt: '', updatedAt: '' },
        cells: 0,
      },
    ];
    const compiled = { manifestV1: ajv.compile(BACKUP_SCHEMAS.manifestV1), cellsV1: ajv.compile(BACKUP_SCHEMAS.cellsV1) };
    const verdicts = samples.map((s) => [compiled.manifestV1(s), manifestV1(s), compiled.cellsV1(s), cellsV1(s)]);
    expect(verdicts.map(([a, b, c, d]) => [a === b, c === d])).toEqual(samples.map(() => [true, true]));
    expect(verdicts.map(([a, , c]) => [a, c])).toEqual([
      [false, true],
      [false, true],
      [false, false],
      [false, false],
      [true, false],
      [false, false],
    ]);
  });

  it('cards.json: the precompiled validator agrees with ajv on cards and versions, typed leaves and tagged numbers', () => {
    const card = emptyCard();
    const metric = { type: 'accuracy', value: { $num: 'NaN' }, side: 'current' };
    const withMetric = { ...card, quantitative: { ...card.quantitative, metrics: [metric] } };
    const record = { id: 'c', workspaceId: 'w', title: '', draft: card, updatedAt: '', latestVersion: 1 };
    const version = { id: 'v', cardId: 'c', workspaceId: 'w', version: 1, savedAt: '', card: withMetric, reason: 'autosave' };
    const samples: [unknown, boolean][] = [
      [{ cards: [], versions: [] }, true],
      [{ cards: [record], versions: [version] }, true],
      [{ cards: [{ ...record, draft: { ...card, schemaVersion: 2 } }], versions: [] }, false],
      [{ cards: [], versions: [{ ...version, version: 0 }] }, false],
      [
        { cards: [], versions: [{ ...version, card: { ...withMetric, quantitative: { ...card.quantitative, metrics: [{ ...metric, value: '0.9' }] } } }] },
        false,
      ],
      [{ cards: [{ ...record, draft: { ...card, signOff: { reviewer: 1, date: '', notes: '' } } }], versions: [] }, false],
      [{ cards: [] }, false],
    ];
    const compiled = new Ajv({ strict: true }).compile(BACKUP_SCHEMAS.cardsV1);
    expect(samples.map(([s]) => [compiled(s), cardsV1(s)])).toEqual(samples.map(([, ok]) => [ok, ok]));
  });
});

/**
 * MLflow's run search syntax, common cases. Expected behaviour read from MLflow's
 * mlflow/utils/search_utils.py (SearchUtils.parse_search_filter, _get_identifier, _get_value,
 * _does_run_match_clause, _convert_like_pattern_to_regex; identifier aliases in
 * _ALTERNATE_*_IDENTIFIERS, comparators in VALID_*_COMPARATORS): a run without the key never
 * matches, metrics compare the latest value, attributes without an entity prefix.
 */
import { describe, expect, it } from 'vitest';
import { latestPoint, metricValue, parseFilterClauses, parseRunFilter, RunFilterError } from '../../../lib/tracking/search';
import type { Run } from '../../../lib/tracking/types';

const point = (value: number, step = 0, timestamp = 0) => ({ value, step, timestamp });

function run(id: string, over: Partial<Run> = {}): Run {
  return {
    id,
    experimentId: '1',
    name: `run-${id}`,
    status: 'FINISHED',
    startTime: 1000,
    endTime: 2000,
    lifecycleStage: 'active',
    user: 'ana',
    artifactUri: `file:///a/${id}`,
    params: {},
    tags: {},
    metrics: {},
    artifacts: [],
    inputs: [],
    ...over,
  };
}

const runs: Run[] = [
  run('a', { params: { model: 'xgb', depth: '6' }, tags: { team: 'risk' }, metrics: { auc: [point(0.95, 0), point(0.85, 1)], 'val loss': [point(0.3)] } }),
  run('b', { params: { model: 'lgbm' }, tags: { team: 'risk' }, metrics: { auc: [point(0.7)] }, status: 'FAILED', name: 'Big Model' }),
  run('c', { params: { model: 'xgb' }, tags: { team: 'growth', "it's": 'x' }, metrics: { auc: [point(0.9)] }, startTime: 5000, endTime: null }),
  run('d', { params: {}, metrics: {}, name: null, tags: { 'mlflow.runName': 'from-tag' } }),
  run('e', {
    inputs: [
      {
        name: 'train.csv',
        digest: 'abc123',
        sourceType: 'driftbook',
        source: 'train.csv',
        schema: null,
        profile: null,
        tags: { 'mlflow.data.context': 'training' },
      },
    ],
  }),
];

const ids = (filter: string, aggregate?: 'last' | 'min' | 'max') => runs.filter(parseRunFilter(filter, { aggregate })).map((r) => r.id);

describe('parseRunFilter: what matches', () => {
  it.each([
    ["metrics.auc > 0.8 and params.model = 'xgb' and tags.team = 'risk'", ['a']],
    ['metrics.auc > 0.8', ['a', 'c']],
    ['metric.auc >= 0.85', ['a', 'c']],
    ['metrics.auc < 0.8', ['b']],
    ['metrics.auc <= 0.7', ['b']],
    ['metrics.auc = 0.9', ['c']],
    ['metrics.auc != 0.9', ['a', 'b']],
    ['metrics.auc > -1e3', ['a', 'b', 'c']],
    ["params.model != 'xgb'", ['b']],
    ['param.model = "xgb"', ['a', 'c']],
    ["parameters.model LIKE 'x%'", ['a', 'c']],
    ["params.model LIKE '_gb%'", ['a', 'b', 'c']],
    ["params.model LIKE '_gb'", ['a', 'c']],
    ["params.model LIKE '%gb%'", ['a', 'b', 'c']],
    ["params.model ILIKE 'XG_'", ['a', 'c']],
    ["params.model LIKE 'XGB'", []],
    ["attributes.status = 'FINISHED'", ['a', 'c', 'd', 'e']],
    ["attribute.status != 'FINISHED'", ['b']],
    ["status = 'FAILED'", ['b']],
    ["run.status IN ('FAILED', 'KILLED')", ['b']],
    ["run_name LIKE '%Model%'", ['b']],
    ["run_name ILIKE '%model%'", ['b']],
    ["attributes.run_name = 'from-tag'", ['d']],
    ["attributes.`Run name` = 'Big Model'", ['b']],
    ["attributes.run_id IN ('a', 'c')", ['a', 'c']],
    ["attributes.run_id NOT IN ('a', 'c')", ['b', 'd', 'e']],
    ["params.model IN ('lgbm','catboost')", ['b']],
    ["tags.team NOT IN ('risk')", ['c']],
    ['attributes.start_time > 2000', ['c']],
    ['created > 2000', ['c']],
    ['attributes.end_time >= 2000', ['a', 'b', 'd', 'e']],
    ['metrics.`val loss` < 0.5', ['a']],
    ['metrics."val loss" < 0.5', ['a']],
    ["tags.`it's` = 'x'", ['c']],
    ["tags.\"it's\" = 'x'", ['c']],
    ["datasets.name = 'train.csv'", ['e']],
    ["datasets.digest LIKE 'abc%'", ['e']],
    ["datasets.context = 'training'", ['e']],
    ["METRICS.auc > 0 AND params.depth = '6'", []],
    ["metrics.auc > 0 AND params.depth = '6'", ['a']],
    ["metrics.auc > 0 And params.depth = '6'", ['a']],
    ['', ['a', 'b', 'c', 'd', 'e']],
  ])('%s', (filter, expected) => {
    if (filter.startsWith('METRICS')) {
      // Entity names are case-sensitive in MLflow (_VALID_IDENTIFIERS holds lowercase names).
      expect(() => parseRunFilter(filter)).toThrow(/unknown entity "METRICS"/);
      return;
    }
    expect(ids(filter)).toEqual(expected);
  });

  it("compares the metric's latest value by default (highest step), or its min / max", () => {
    expect(ids('metrics.auc > 0.9')).toEqual([]);
    expect(ids('metrics.auc > 0.9', 'max')).toEqual(['a']);
    expect(ids('metrics.auc < 0.86', 'min')).toEqual(['a', 'b']);
  });

  it('a run without the key never matches, even with != (MLflow returns False for a missing value)', () => {
    expect(ids("params.model != 'zzz'")).toEqual(['a', 'b', 'c']);
    expect(ids('metrics.auc != 123')).toEqual(['a', 'b', 'c']);
  });

  it('unescapes quoted strings (doubled quotes and backslashes)', () => {
    expect(parseFilterClauses("tags.note = 'it''s \\'ok\\''")[0]!.value).toBe("it's 'ok'");
    expect(parseFilterClauses('tags.note = "say ""hi"""')[0]!.value).toBe('say "hi"');
  });

  it('LIKE treats regex characters literally', () => {
    const r = [run('x', { params: { p: 'a.b' } }), run('y', { params: { p: 'axb' } })];
    expect(r.filter(parseRunFilter("params.p LIKE 'a.b'")).map((x) => x.id)).toEqual(['x']);
  });

  it('keys with dots and numbers', () => {
    expect(parseFilterClauses('metrics.val.loss.mean < 1')[0]).toEqual({ type: 'metric', key: 'val.loss.mean', comparator: '<', value: 1 });
    expect(parseFilterClauses("params.2nd_stage = 'x'")[0]).toMatchObject({ key: '2nd_stage' });
  });
});

describe('parseRunFilter: clear errors for what is not supported', () => {
  it.each([
    ["metrics.auc > 0.8 or params.model = 'xgb'", /OR is not supported.*character 19/],
    ["(metrics.auc > 0.8) and params.model = 'xgb'", /parentheses are not supported.*character 1\)/],
    ["not params.model = 'xgb'", /NOT is not supported/],
    ['params.model = xgb', /quoted string such as 'xgb', found "xgb"/],
    ["metrics.auc > '0.8'", /compares with a number, found a string '0.8'/],
    ["params.model > 'a'", /> does not apply to param model — use one of =, !=, LIKE, ILIKE, IN, NOT IN/],
    ["metrics.auc LIKE '0.8'", /LIKE does not apply to metric auc/],
    ["foo.bar = 'x'", /unknown entity "foo"/],
    ["attributes.color = 'red'", /unknown attribute "color"/],
    ["datasets.schema = 'x'", /unknown dataset key "schema"/],
    ["params.model = 'xgb", /quote opened here is never closed.*character 16/],
    ['metrics.auc <> 1', /'<>' is not supported — use !=/],
    ['metrics.auc == 1', /'==' is not supported — use =/],
    ['metrics.auc IS NULL', /IS \/ IS NULL is not supported/],
    ['metrics.auc BETWEEN 1 AND 2', /BETWEEN is not supported/],
    ["params.model = 'a' params.x = 'b'", /expected AND between conditions/],
    ["params.model = 'a' and", /AND at the end/],
    ['metrics.auc >', /expected a value after >/],
    ["params.model IN 'a'", /IN needs a list in parentheses/],
    ["params.model IN ('a' 'b')", /expected , or \) in the IN list/],
    ['params.model IN (1)', /IN lists hold quoted strings/],
    ['metrics.auc ; drop', /unexpected character ";"/],
  ])('%s', (filter, message) => {
    expect(() => parseRunFilter(filter)).toThrow(message);
  });

  it('errors are typed with the position', () => {
    try {
      parseRunFilter('metrics.a > 1 OR metrics.b > 2');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RunFilterError);
      expect((error as RunFilterError).index).toBe(14);
      expect((error as RunFilterError).code).toBe('bad-filter');
    }
  });
});

describe('metric aggregates', () => {
  it("latest: highest step, then latest timestamp, then larger value (MLflow's latest metric rule)", () => {
    expect(latestPoint([point(1, 2, 0), point(2, 1, 9)])!.value).toBe(1);
    expect(latestPoint([point(1, 1, 5), point(2, 1, 4)])!.value).toBe(1);
    expect(latestPoint([point(3, 1, 5), point(2, 1, 5)])!.value).toBe(3);
    expect(metricValue([point(NaN), point(0.5, 1), point(0.2, 2)], 'min')).toBe(0.2);
    expect(metricValue([point(NaN)], 'max')).toBeNaN();
    expect(metricValue(undefined)).toBeUndefined();
  });
});

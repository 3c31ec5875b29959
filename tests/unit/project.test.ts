import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../lib/version';
import { ROOT } from './helpers';

describe('project', () => {
  it('reports the version package.json declares', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('ships demo files that the committed split script reproduces byte for byte', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/make-demo-data.mjs'), '--check'], { encoding: 'utf8' });
    expect(out).toContain('public/demo/seattle-weather-2012-2013.csv: 731 rows');
    expect(out).toContain('public/demo/seattle-weather-2015.csv: 365 rows');
  });
});

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support';

import { outDir, prometheusOrigin } from '../../../scripts/prometheus-url.cjs';

describe('DRIFTBOOK_PROMETHEUS_URL', () => {
  it('is off when unset or blank', () => {
    expect(prometheusOrigin(undefined)).toBe('');
    expect(prometheusOrigin('')).toBe('');
    expect(prometheusOrigin('   ')).toBe('');
  });

  it('gives the origin, normalised as the URL standard serialises it', () => {
    expect(prometheusOrigin('http://127.0.0.1:9090')).toBe('http://127.0.0.1:9090');
    expect(prometheusOrigin('http://127.0.0.1:9090/')).toBe('http://127.0.0.1:9090');
    expect(prometheusOrigin(' HTTPS://Prom.Example.com:443/ ')).toBe('https://prom.example.com');
    expect(prometheusOrigin('http://[::1]:9090')).toBe('http://[::1]:9090');
  });

  it.each([
    ['prometheus:9090', /only http: and https:/],
    ['ftp://127.0.0.1', /only http: and https:/],
    ['127.0.0.1:9090', /only http: and https:|not a URL/],
    ['not a url', /holds spaces/],
    ['http://a http://b', /holds spaces/],
    ['http://a,http://b', /path, query or fragment/],
    ['http://127.0.0.1:9090/prometheus', /path, query or fragment/],
    ['http://127.0.0.1:9090/?x=1', /path, query or fragment/],
    ['http://127.0.0.1:9090/#f', /path, query or fragment/],
    ['http://user:pw@127.0.0.1:9090', /credentials/],
    ["http://a;script-src'none'", /host/],
    ['http://', /not a URL/],
  ])('refuses %j with a message naming the setting', (value, reason) => {
    expect(() => prometheusOrigin(value)).toThrow(/^DRIFTBOOK_PROMETHEUS_URL: /);
    expect(() => prometheusOrigin(value)).toThrow(reason);
  });

  it('stops next.config.js (the build) with that message', () => {
    const run = (value: string) =>
      execFileSync(process.execPath, ['-e', "require('./next.config.js')"], {
        cwd: ROOT,
        env: { ...process.env, DRIFTBOOK_PROMETHEUS_URL: value },
        stdio: 'pipe',
      });
    expect(() => run('http://127.0.0.1:9090/api')).toThrow(/DRIFTBOOK_PROMETHEUS_URL: "http:\/\/127\.0\.0\.1:9090\/api" has a path/);
    expect(() => run('http://127.0.0.1:9090')).not.toThrow();
  });
});

describe('DRIFTBOOK_OUT_DIR', () => {
  it('is out by default, another out-* folder when named', () => {
    expect(outDir(undefined)).toBe('out');
    expect(outDir('out')).toBe('out');
    expect(outDir('out-prometheus')).toBe('out-prometheus');
  });

  it.each(['public', '../build', 'out/x', 'out-', 'build'])('refuses %j', (value) => {
    expect(() => outDir(value)).toThrow(/^DRIFTBOOK_OUT_DIR: .* use out or a folder named out-/);
  });

  it('is a folder next.config.js gives Next as distDir', () => {
    const config = (env: Record<string, string>) =>
      JSON.parse(
        execFileSync(process.execPath, ['-e', "process.stdout.write(JSON.stringify(require('./next.config.js')))"], {
          cwd: ROOT,
          env: { ...process.env, DRIFTBOOK_PROMETHEUS_URL: '', DRIFTBOOK_OUT_DIR: '', ...env },
          encoding: 'utf8',
        }),
      ) as { distDir?: string; env: Record<string, string> };
    expect(config({})).toMatchObject({ env: { DRIFTBOOK_PROMETHEUS_URL: '' } });
    expect(config({}).distDir).toBeUndefined();
    expect(config({ DRIFTBOOK_OUT_DIR: 'out-prometheus', DRIFTBOOK_PROMETHEUS_URL: 'http://127.0.0.1:9/' })).toMatchObject({
      distDir: 'out-prometheus',
      env: { DRIFTBOOK_PROMETHEUS_URL: 'http://127.0.0.1:9' },
    });
  });
});

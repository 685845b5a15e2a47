import { describe, expect, it } from 'vitest';
import { healthChecks } from './StatusPage';

describe('healthChecks', () => {
  it('reads checks keyed by name', () => {
    const body = { status: 'ok', checks: { database: { status: 'ok', latency_ms: 3 } } };
    expect(healthChecks(body)).toEqual([{ name: 'database', status: 'ok', details: 'latency_ms: 3' }]);
  });

  it('reads an array of named checks', () => {
    const body = { checks: [{ name: 'database', status: 'fail', error: 'timed out' }] };
    expect(healthChecks(body)).toEqual([{ name: 'database', status: 'fail', details: 'error: timed out' }]);
  });

  it('treats a bare value as the status', () => {
    expect(healthChecks({ checks: { database: true, cache: 'ok' } })).toEqual([
      { name: 'database', status: 'true', details: '' },
      { name: 'cache', status: 'ok', details: '' },
    ]);
  });

  it('returns no rows without checks', () => {
    expect(healthChecks({ status: 'ok' })).toEqual([]);
    expect(healthChecks('plain text')).toEqual([]);
    expect(healthChecks(null)).toEqual([]);
  });
});

import { useCallback, useEffect, useState } from 'react';
import { Loading } from '../components/Status';
import { useTitle } from '../lib/useTitle';

interface HealthResult {
  httpStatus: number;
  elapsedMs: number;
  checkedAt: Date;
  /** Parsed JSON body, or the raw text when the body is not JSON. */
  body: unknown;
}

/** One row of the checks table: a check's name, its status and any other details. */
export interface CheckRow {
  name: string;
  status: string;
  details: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Extracts per-check rows from a health body. `checks` may be an object keyed
 * by check name or an array of objects with a `name`. A check given as a bare
 * string or boolean is taken as its status.
 */
export function healthChecks(body: unknown): CheckRow[] {
  if (!isRecord(body)) {
    return [];
  }
  const checks = body.checks;
  const entries: [string, unknown][] = Array.isArray(checks)
    ? checks.map((check, index) => [isRecord(check) && typeof check.name === 'string' ? check.name : `check ${index + 1}`, check])
    : isRecord(checks)
      ? Object.entries(checks)
      : [];
  return entries.map(([name, check]) => {
    if (!isRecord(check)) {
      return { name, status: describeValue(check), details: '' };
    }
    const { name: _name, status, ...rest } = check;
    const details = Object.entries(rest)
      .map(([key, value]) => `${key}: ${describeValue(value)}`)
      .join(', ');
    return { name, status: status === undefined ? '' : describeValue(status), details };
  });
}

export function StatusPage() {
  useTitle('Service status');
  const [result, setResult] = useState<HealthResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(true);

  const check = useCallback(async () => {
    setPending(true);
    setError(null);
    const started = performance.now();
    try {
      const response = await fetch('/healthz', { headers: { Accept: 'application/json' }, cache: 'no-store' });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON (for example an nginx error page): show the text as is.
      }
      setResult({ httpStatus: response.status, elapsedMs: performance.now() - started, checkedAt: new Date(), body });
    } catch {
      setResult(null);
      setError('Could not reach the server.');
    } finally {
      setPending(false);
    }
  }, []);

  useEffect(() => {
    void check();
  }, [check]);

  const healthy = result !== null && result.httpStatus === 200;
  const overall = result !== null && isRecord(result.body) && typeof result.body.status === 'string' ? result.body.status : null;
  const rows = result ? healthChecks(result.body) : [];

  return (
    <div className="container status-page">
      <h1 className="page-title">Service status</h1>
      <p className="subtle center">
        What <code>/healthz</code> returns right now.
      </p>
      <div className="status-toolbar">
        <button type="button" className="btn btn-outline" onClick={() => void check()} disabled={pending}>
          {pending ? 'Checking…' : 'Check again'}
        </button>
      </div>
      {pending && result === null && <Loading label="Checking the service…" />}
      {error && (
        <p className="state state-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <section aria-label="Health check result" data-testid="health-result">
          <p className={healthy ? 'health-badge health-ok' : 'health-badge health-bad'} data-testid="health-summary">
            {healthy ? 'Healthy' : 'Unhealthy'}: HTTP {result.httpStatus}
            {overall !== null && <> · status “{overall}”</>}
          </p>
          <p className="subtle">
            Answered in {Math.round(result.elapsedMs)} ms at {result.checkedAt.toLocaleTimeString()}.
          </p>
          {rows.length > 0 && (
            <div className="table-scroll">
              <table className="checks">
                <thead>
                  <tr>
                    <th scope="col">Check</th>
                    <th scope="col">Status</th>
                    <th scope="col">Details</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.name}>
                      <th scope="row">{row.name}</th>
                      <td>{row.status}</td>
                      <td>{row.details}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>Response body</h2>
          <pre className="raw-json" data-testid="health-body">
            {typeof result.body === 'string' ? result.body : JSON.stringify(result.body, null, 2)}
          </pre>
        </section>
      )}
    </div>
  );
}

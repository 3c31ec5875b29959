'use client';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../lib/errors';
import { formatCount } from '../../lib/format';
import { exportAuditJsonl, listAudit } from '../../lib/store/audit';
import type { DriftbookDb } from '../../lib/store/db';
import { verifyChain, type ChainVerdict } from '../../lib/tracking/audit';
import type { AuditEntry } from '../../lib/tracking/types';
import { download } from '../export-report';
import { UserText } from '../ui/UserText';

/** The audit trail: its entries (read-only), "Verify" naming the first broken entry, export as JSON Lines. */
export function AuditView({ db, version }: { db: DriftbookDb; version: number }) {
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [verdict, setVerdict] = useState<ChainVerdict>();
  const [problem, setProblem] = useState<string>();
  const load = useCallback(async () => setEntries(await listAudit(db)), [db]);
  useEffect(() => {
    void load().catch((e: unknown) => setProblem(errorMessage(e)));
  }, [load, version]);
  const verify = async () => {
    setProblem(undefined);
    try {
      const fresh = await listAudit(db);
      setEntries(fresh);
      setVerdict(await verifyChain(fresh));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  const exportJsonl = async () => {
    try {
      download(await exportAuditJsonl(db), 'driftbook-audit.jsonl', 'application/jsonl', { about: 'audit trail (JSON Lines)' });
      // download() appends its export entry without waiting: re-read once it is in.
      setTimeout(() => void load(), 300);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <section className="audit-view" aria-label="Audit trail" data-testid="audit-view">
      <div className="table-tools">
        <button type="button" className="button button-primary" onClick={() => void verify()} data-testid="audit-verify">
          Verify
        </button>
        <button type="button" className="button" onClick={() => void exportJsonl()} data-testid="audit-export">
          Export JSON Lines
        </button>
        <span className="muted">{entries ? `${formatCount(entries.length)} entries` : 'Loading…'} · append-only: nothing here edits or deletes an entry.</span>
      </div>
      {verdict ? (
        verdict.ok ? (
          <p className="audit-ok" role="status" data-testid="audit-verdict">
            ✓ The chain holds: {formatCount(verdict.count)} entries, each hashing the one before. Head <code>{verdict.head}</code> — keep it: a removed last
            entry shows only against a head noted earlier.
          </p>
        ) : (
          <p className="error-box" role="alert" data-testid="audit-verdict">
            ✗ Broken at entry {verdict.index}
            {verdict.seq !== undefined ? ` (seq ${verdict.seq})` : ''}: <UserText text={verdict.reason} />
          </p>
        )
      ) : null}
      {problem ? (
        <p className="error-box" role="alert">
          <UserText text={problem} />
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="drift-table audit-table">
          <thead>
            <tr>
              <th scope="col">Seq</th>
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Details</th>
              <th scope="col">Hash</th>
            </tr>
          </thead>
          <tbody>
            {[...(entries ?? [])].reverse().map((e) => (
              <tr key={e.seq} className={verdict && !verdict.ok && verdict.seq === e.seq ? 'audit-broken' : undefined}>
                <td className="num">{e.seq}</td>
                <td>{e.time}</td>
                <td>
                  <UserText text={e.type} />
                </td>
                <td>
                  <UserText text={JSON.stringify(e.details)} clamp />
                </td>
                <td>
                  <code title={e.hash}>{e.hash.slice(0, 12)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

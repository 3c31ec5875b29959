'use client';
import type { DriftResult, TestOutcome } from '../../../lib/drift/types';
import { UserText } from '../../ui/UserText';

const BADGES = {
  exact: { label: 'exact', className: 'badge badge-good' },
  approximate: { label: 'approximate', className: 'badge badge-warn' },
  unavailable: { label: 'needs rows', className: 'badge badge-muted' },
} as const;

/** A test computed from profiles: exact, approximate (with its bound) or needs rows, and why. */
export function TestAccuracy({ test }: { test: TestOutcome }) {
  if (!test.fromProfile) return null;
  const badge = BADGES[test.fromProfile];
  return (
    <>
      <span className={badge.className} data-testid="test-accuracy" title={test.fromProfileReason}>
        {badge.label}
      </span>
      {test.fromProfile !== 'exact' && test.fromProfileReason ? (
        <span className="muted small profile-reason">
          <UserText text={test.fromProfileReason} />
        </span>
      ) : null}
    </>
  );
}

/** Whether a result was computed from profiles, and which sides were given as `.dbprofile`s. */
export function ProfileSides({ result }: { result: DriftResult }) {
  const sides = result.fromProfile;
  if (!sides) return null;
  const given = [sides.reference ? 'reference' : '', sides.current ? 'current' : ''].filter(Boolean);
  return (
    <p className="muted small" data-testid="drift-from-profiles">
      <span className="badge badge-muted">from profiles</span> Computed from column profiles
      {given.length
        ? ` (${given.join(' and ')} ${given.length > 1 ? 'are' : 'is a'} .dbprofile${given.length > 1 ? 's' : ''}; a side with rows was profiled on the same edges)`
        : ''}
      : each test says whether it is exact, approximate within a stated bound, or needs the rows.
    </p>
  );
}

'use client';
import { useEffect, useState } from 'react';

const MB = 1024 * 1024;
const size = (bytes: number) => (bytes >= 1024 * MB ? `${(bytes / 1024 / MB).toFixed(1)} GB` : `${(bytes / MB).toFixed(1)} MB`);

/** Storage used and available (navigator.storage.estimate), and a way to ask the browser to keep it. */
export function StoragePanel() {
  const [estimate, setEstimate] = useState<{ usage: number; quota: number }>();
  const [persisted, setPersisted] = useState<boolean>();
  const [asked, setAsked] = useState(false);

  useEffect(() => {
    const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
    if (!storage) return;
    const update = () =>
      void storage
        .estimate?.()
        .then((e) => setEstimate({ usage: e.usage ?? 0, quota: e.quota ?? 0 }))
        .catch(() => undefined);
    update();
    void storage
      .persisted?.()
      .then(setPersisted)
      .catch(() => undefined);
    const timer = setInterval(update, 5000);
    return () => clearInterval(timer);
  }, []);

  const persist = async () => {
    setAsked(true);
    setPersisted(await navigator.storage.persist());
  };

  return (
    <div className="sidebar-foot muted" data-testid="storage-panel">
      <p>Your data stays in this browser (IndexedDB). Nothing is sent anywhere.</p>
      {estimate ? (
        <p>
          Storage: {size(estimate.usage)} used of {size(estimate.quota)} available
          <meter min={0} max={estimate.quota || 1} value={estimate.usage} aria-label="Storage used" className="storage-meter" />
        </p>
      ) : null}
      {persisted ? (
        <p>The browser keeps this data until you delete it.</p>
      ) : persisted === false ? (
        <p>
          Browsers may clear site data when space runs low.{' '}
          <button type="button" className="link-button" onClick={() => void persist()}>
            Ask to keep my data
          </button>
          {asked ? ' — the browser declined; export workspaces you need (Export workspace).' : null}
        </p>
      ) : null}
    </div>
  );
}

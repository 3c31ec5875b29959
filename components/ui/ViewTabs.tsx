'use client';
import { useRef, type KeyboardEvent } from 'react';

export interface ViewTab<V extends string> {
  id: V;
  label: string;
}

/**
 * A tab list (WAI-ARIA tabs: ←/→ move between tabs and open them, Home/End go to the ends; only the
 * open tab is in the Tab order). Each tab controls the panel `${idPrefix}-panel-${id}`.
 */
export function ViewTabs<V extends string>({
  tabs,
  value,
  onChange,
  label,
  idPrefix,
}: {
  tabs: readonly ViewTab<V>[];
  value: V;
  onChange: (id: V) => void;
  label: string;
  idPrefix: string;
}) {
  const refs = useRef(new Map<V, HTMLButtonElement>());
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[next]!;
    onChange(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  return (
    <div className="view-tabs" role="tablist" aria-label={label}>
      {tabs.map((tab, i) => (
        <button
          key={tab.id}
          ref={(el) => {
            if (el) refs.current.set(tab.id, el);
            else refs.current.delete(tab.id);
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab.id}`}
          aria-selected={tab.id === value}
          aria-controls={`${idPrefix}-panel-${tab.id}`}
          tabIndex={tab.id === value ? 0 : -1}
          className={`view-tab${tab.id === value ? ' view-tab-active' : ''}`}
          onClick={() => onChange(tab.id)}
          onKeyDown={(e) => move(e, i)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

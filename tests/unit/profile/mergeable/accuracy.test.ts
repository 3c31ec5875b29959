import { describe, expect, it } from 'vitest';
import { DRIFT_METHODS } from '../../../../lib/drift/methods/registry';
import { methodAccuracy, PROFILE_ACCURACY } from '../../../../lib/profile/mergeable/accuracy';

describe('drift accuracy from profiles', () => {
  it('has a rule for exactly the registered drift methods', () => {
    expect(Object.keys(PROFILE_ACCURACY).sort()).toEqual([...DRIFT_METHODS.keys()].sort());
  });

  it('lists the issue-19 classes: exact, approximate (bound), needs raw rows', () => {
    const by = (a: string) =>
      Object.keys(PROFILE_ACCURACY)
        .filter((id) => PROFILE_ACCURACY[id]!.fromProfile === a)
        .sort();
    expect(by('exact')).toEqual(['chisquare', 'fisher_exact', 'g_test', 'hellinger', 'jensenshannon', 'kl_div', 'psi', 't_test', 'z']);
    expect(by('approximate')).toEqual(['anderson', 'cramer_von_mises', 'ed', 'ks', 'wasserstein']);
    expect(by('unavailable')).toEqual(['TVD', 'empirical_mmd', 'es', 'mannw']);
    for (const id of by('approximate')) expect(PROFILE_ACCURACY[id]!.reason).toMatch(/ε_ref \+ ε_cur/);
  });

  it('narrows by the column: cut categories and missing sketches make a method unavailable', () => {
    const exactCats = { kind: 'categorical' as const, categoriesExact: true };
    expect(methodAccuracy('chisquare', exactCats).fromProfile).toBe('exact');
    const cut = methodAccuracy('chisquare', { ...exactCats, categoriesExact: false });
    expect(cut.fromProfile).toBe('unavailable');
    expect(cut.reason).toMatch(/--max-categories/);
    // Numeric psi is on the edges, not on categories: a category limit does not matter.
    expect(methodAccuracy('psi', { kind: 'numeric', categoriesExact: false }).fromProfile).toBe('exact');
    expect(methodAccuracy('ks', { kind: 'numeric', categoriesExact: true }).fromProfile).toBe('unavailable');
    const ks = methodAccuracy('ks', { kind: 'numeric', categoriesExact: true, rankError: 0.01 });
    expect(ks.fromProfile).toBe('approximate');
    expect(ks.reason).toContain('ε = 0.01 per sketch');
    expect(methodAccuracy('mannw', { kind: 'numeric', categoriesExact: true, rankError: 0.01 }).fromProfile).toBe('unavailable');
  });
});

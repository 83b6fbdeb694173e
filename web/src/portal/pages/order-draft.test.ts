import { afterEach, describe, expect, it } from 'vitest';
import { draftStorageKey, loadDraft, parseDraft, saveDraft, serialiseDraft } from './order-draft.ts';

afterEach(() => sessionStorage.clear());

describe(parseDraft.name, () => {
  it('reads back what serialiseDraft wrote', () => {
    const draft = {
      cart: new Map([
        [11, 2],
        [12, 5],
      ]),
      unanswered: { key: 'k-1', body: '[[11,2],[12,5]]' },
    };
    expect(parseDraft(serialiseDraft(draft))).toEqual(draft);
  });

  it.each([[null], [''], ['not json'], ['{"cart":"x"}'], ['[]']])('makes an empty draft of %j', (text) => {
    expect(parseDraft(text)).toEqual({ cart: new Map(), unanswered: null });
  });

  it('drops lines that are not whole positive cartons and attempts without a key', () => {
    const text = JSON.stringify({
      cart: [[11, 2], [12, 0], [13, 1.5], ['14', 1], [15]],
      unanswered: { body: '[]' },
    });
    expect(parseDraft(text)).toEqual({ cart: new Map([[11, 2]]), unanswered: null });
  });
});

describe(saveDraft.name, () => {
  it('keeps one draft per cycle and forgets an empty one', () => {
    saveDraft(sessionStorage, 7, { cart: new Map([[11, 2]]), unanswered: null });
    saveDraft(sessionStorage, 8, { cart: new Map([[12, 1]]), unanswered: null });
    expect([...loadDraft(sessionStorage, 7).cart]).toEqual([[11, 2]]);
    expect([...loadDraft(sessionStorage, 8).cart]).toEqual([[12, 1]]);

    saveDraft(sessionStorage, 7, { cart: new Map(), unanswered: null });
    expect(sessionStorage.getItem(draftStorageKey(7))).toBeNull();
  });

  it('keeps an unanswered submission even when the cart is empty', () => {
    saveDraft(sessionStorage, 7, { cart: new Map(), unanswered: { key: 'k', body: '[]' } });
    expect(loadDraft(sessionStorage, 7).unanswered).toEqual({ key: 'k', body: '[]' });
  });
});

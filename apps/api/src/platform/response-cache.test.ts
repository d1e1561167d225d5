import { describe, expect, it } from 'vitest';
import { representJson, type Representation } from './representation.js';
import { createResponseCache } from './response-cache.js';

const answer = (body: unknown) => representJson(200, body, {});

describe('createResponseCache', () => {
  it('when an entry is younger than the ttl, then it is served; once older, it is filled again', async () => {
    let now = 0;
    const cache = createResponseCache(250, () => now);
    let fills = 0;
    const fill = async () => answer(++fills);
    await cache.answer('k', fill);
    now = 249;
    expect((await cache.answer('k', fill)).etag).toBe(answer(1).etag);
    now = 250;
    expect((await cache.answer('k', fill)).etag).toBe(answer(2).etag);
    expect(fills).toBe(2);
  });

  it('when misses of one key overlap, then they share one fill', async () => {
    const cache = createResponseCache(250);
    let fills = 0;
    let finish: (value: Representation) => void = () => {};
    const fill = () => {
      fills += 1;
      return new Promise<Representation>((resolve) => (finish = resolve));
    };
    const answers = [cache.answer('k', fill), cache.answer('k', fill), cache.answer('k', fill)];
    finish(answer('once'));
    expect(new Set((await Promise.all(answers)).map((a) => a.etag)).size).toBe(1);
    expect(fills).toBe(1);
  });

  it('when invalidated during a fill, then that fill answers its callers but is not stored', async () => {
    const cache = createResponseCache(60_000);
    let finish: (value: Representation) => void = () => {};
    const slow = cache.answer('k', () => new Promise<Representation>((resolve) => (finish = resolve)));
    cache.invalidate();
    // A request after the change must not join the fill that may have read before it.
    const fresh = cache.answer('k', async () => answer('after'));
    finish(answer('before'));
    expect((await slow).etag).toBe(answer('before').etag);
    expect((await fresh).etag).toBe(answer('after').etag);
    expect((await cache.answer('k', async () => answer('never'))).etag).toBe(answer('after').etag);
  });

  it('when the ttl is 0, then every answer is filled afresh', async () => {
    const cache = createResponseCache(0);
    let fills = 0;
    await cache.answer('k', async () => answer(++fills));
    await cache.answer('k', async () => answer(++fills));
    expect(fills).toBe(2);
  });
});

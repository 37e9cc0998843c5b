/**
 * The clusterer's state written a slice at a time must be the very string one `JSON.stringify` gives,
 * with the event loop given back between slices. Every text here is invented for the tests.
 */
import { describe, expect, it } from 'vitest';
import { articleFeatures } from '../../src/cluster/features.js';
import { StoryClusterer } from '../../src/cluster/story-clusterer.js';
import { stringifyClustererState } from '../../src/service/clusterer-state.js';

function clustererOf(count: number): StoryClusterer {
  const clusterer = new StoryClusterer();
  for (let index = 0; index < count; index++) {
    const body = `Port ${index % 7} closed its ferry pier ${index} on Monday, the harbour office said.`;
    clusterer.add(`a${index}`, articleFeatures({ id: `a${index}`, body, title: `Pier ${index}` }));
  }
  return clusterer;
}

describe('stringifyClustererState', () => {
  it.each([0, 1, 250, 601])('gives exactly JSON.stringify of a state of %i articles', async (count) => {
    const state = clustererOf(count).toJSON();
    let pauses = 0;
    const json = await stringifyClustererState(state, async () => {
      pauses++;
    });
    expect(json).toBe(JSON.stringify(state));
    expect(pauses).toBe(Math.ceil(count / 250));
    expect(StoryClusterer.fromJSON(JSON.parse(json)).stories()).toEqual(clustererOf(count).stories());
  });
});

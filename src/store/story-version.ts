/**
 * Version of the saved stories. Raise it whenever features change meaning (entity keys, lemmas):
 * a saved engine compares new articles with centroids built from the old keys, so an older state is
 * rebuilt from the articles instead. 2: acronym and demonym keys (2026-11-23).
 * A module of its own: the stores' readers check it without loading the story engine.
 */
export const STORY_STATE_VERSION = 2;

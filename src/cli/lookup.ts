/**
 * Finding what a command line names by id: an article (id or unique prefix) or a story (id, an id
 * merged away, or a prefix). An id that names nothing is a NotFoundError (exit 3) whose message
 * says what the id is when it names the other kind of thing — an article id given where a story
 * id belongs says which story the article is in.
 */
import { AmbiguousIdError, type Store, type StoredArticle } from '../store/store.ts';
import { articleInStory } from '../app/stories.ts';
import type { Story } from '../stories/story.ts';
import { NotFoundError, UsageError } from './errors.ts';

async function articleOrUndefined(store: Store, id: string): Promise<StoredArticle | undefined> {
  try {
    return await store.articles.find(id);
  } catch (error) {
    if (error instanceof AmbiguousIdError) {
      throw new UsageError(`article id prefix "${id}" is ambiguous (${error.matches.length} matches)`);
    }
    throw error;
  }
}

/**
 * The article with this id or unique prefix.
 * @example await findArticle(store, '4ef97148') // → the seed article 4ef9714851e140eb
 */
export async function findArticle(store: Store, id: string): Promise<StoredArticle> {
  const article = await articleOrUndefined(store, id);
  if (article) return article;
  const story = await store.stories.get(id).catch(() => undefined);
  if (story) throw new NotFoundError(`no article with id "${id}": that is a story id (kronika story ${story.id})`);
  throw new NotFoundError(`no article with id "${id}" (see: kronika articles)`);
}

/**
 * The story with this id; `command` is what the hint suggests running on the right id.
 * @example await findStory(store, articleId, 'report') // throws: that is an article id; its story is ev-… (kronika report ev-…)
 */
export async function findStory(store: Store, id: string, command = 'story'): Promise<Story> {
  const story = await store.stories.get(id);
  if (story) return story;
  const named = await articleInStory(store, id);
  if (named) {
    const own = named.story;
    throw new NotFoundError(own
      ? `no story with id "${id}": that is an article id; its story is ${own.id} (kronika ${command} ${own.id})`
      : `no story with id "${id}": that is an article id, and the article is not in a story yet (kronika update)`);
  }
  throw new NotFoundError(`no story with id "${id}" (see: kronika stories)`);
}

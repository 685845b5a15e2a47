// One function per Conduit API endpoint used by the app.
import { apiRequest } from './client';
import type {
  Article,
  ArticleInput,
  ArticlePage,
  ArticleQuery,
  Comment,
  LoginCredentials,
  NewUser,
  Profile,
  User,
  UserUpdate,
} from './types';

const segment = encodeURIComponent;

export async function login(credentials: LoginCredentials): Promise<User> {
  const data = await apiRequest<{ user: User }>('POST', '/users/login', { user: credentials });
  return data.user;
}

export async function register(newUser: NewUser): Promise<User> {
  const data = await apiRequest<{ user: User }>('POST', '/users', { user: newUser });
  return data.user;
}

export async function getCurrentUser(): Promise<User> {
  const data = await apiRequest<{ user: User }>('GET', '/user');
  return data.user;
}

export async function updateUser(update: UserUpdate): Promise<User> {
  const data = await apiRequest<{ user: User }>('PUT', '/user', { user: update });
  return data.user;
}

export async function getProfile(username: string): Promise<Profile> {
  const data = await apiRequest<{ profile: Profile }>('GET', `/profiles/${segment(username)}`);
  return data.profile;
}

export async function setFollowing(username: string, follow: boolean): Promise<Profile> {
  const data = await apiRequest<{ profile: Profile }>(
    follow ? 'POST' : 'DELETE',
    `/profiles/${segment(username)}/follow`,
  );
  return data.profile;
}

/** Builds the path and query string for a list request. */
export function articleListPath(query: ArticleQuery): string {
  const params = new URLSearchParams();
  if (!query.feed) {
    if (query.tag) params.set('tag', query.tag);
    if (query.author) params.set('author', query.author);
    if (query.favorited) params.set('favorited', query.favorited);
  }
  params.set('limit', String(query.limit));
  params.set('offset', String(query.offset));
  return `${query.feed ? '/articles/feed' : '/articles'}?${params.toString()}`;
}

export function listArticles(query: ArticleQuery): Promise<ArticlePage> {
  return apiRequest<ArticlePage>('GET', articleListPath(query));
}

export async function getArticle(slug: string): Promise<Article> {
  const data = await apiRequest<{ article: Article }>('GET', `/articles/${segment(slug)}`);
  return data.article;
}

export async function createArticle(input: ArticleInput): Promise<Article> {
  const data = await apiRequest<{ article: Article }>('POST', '/articles', { article: input });
  return data.article;
}

export async function updateArticle(slug: string, input: ArticleInput): Promise<Article> {
  const data = await apiRequest<{ article: Article }>('PUT', `/articles/${segment(slug)}`, {
    article: input,
  });
  return data.article;
}

export async function deleteArticle(slug: string): Promise<void> {
  await apiRequest<void>('DELETE', `/articles/${segment(slug)}`);
}

export async function setFavorited(slug: string, favorite: boolean): Promise<Article> {
  const data = await apiRequest<{ article: Article }>(
    favorite ? 'POST' : 'DELETE',
    `/articles/${segment(slug)}/favorite`,
  );
  return data.article;
}

export async function listComments(slug: string): Promise<Comment[]> {
  const data = await apiRequest<{ comments: Comment[] }>('GET', `/articles/${segment(slug)}/comments`);
  return data.comments;
}

export async function addComment(slug: string, body: string): Promise<Comment> {
  const data = await apiRequest<{ comment: Comment }>('POST', `/articles/${segment(slug)}/comments`, {
    comment: { body },
  });
  return data.comment;
}

export async function deleteComment(slug: string, id: number): Promise<void> {
  await apiRequest<void>('DELETE', `/articles/${segment(slug)}/comments/${id}`);
}

export async function listTags(): Promise<string[]> {
  const data = await apiRequest<{ tags: string[] }>('GET', '/tags');
  return data.tags;
}

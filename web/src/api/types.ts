// Shapes of the RealWorld Conduit API (v2) request and response bodies.

export interface User {
  email: string;
  token: string;
  username: string;
  bio: string | null;
  image: string | null;
}

export interface Profile {
  username: string;
  bio: string | null;
  image: string | null;
  following: boolean;
}

/** Article as listed: list endpoints omit the body. */
export interface ArticleSummary {
  slug: string;
  title: string;
  description: string;
  tagList: string[];
  createdAt: string;
  updatedAt: string;
  favorited: boolean;
  favoritesCount: number;
  author: Profile;
}

export interface Article extends ArticleSummary {
  body: string;
}

export interface Comment {
  id: number;
  createdAt: string;
  updatedAt: string;
  body: string;
  author: Profile;
}

export interface ArticlePage {
  articles: ArticleSummary[];
  articlesCount: number;
}

export interface NewUser {
  username: string;
  email: string;
  password: string;
}

export interface LoginCredentials {
  email: string;
  password: string;
}

/** Fields sent to PUT /user; absent fields stay unchanged. */
export interface UserUpdate {
  email?: string;
  username?: string;
  password?: string;
  bio?: string | null;
  image?: string | null;
}

export interface ArticleInput {
  title: string;
  description: string;
  body: string;
  tagList: string[];
}

/** Filters of GET /articles; `feed` selects GET /articles/feed instead. */
export interface ArticleQuery {
  feed?: boolean;
  tag?: string;
  author?: string;
  favorited?: string;
  limit: number;
  offset: number;
}

import { Suspense, lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RequireAuth } from './components/RequireAuth';
import { Loading } from './components/Status';
import { Login, Register } from './pages/Auth';
import { Editor } from './pages/Editor';
import { Home } from './pages/Home';
import { NotFound } from './pages/NotFound';
import { ProfilePage } from './pages/ProfilePage';
import { Settings } from './pages/Settings';
import { StatusPage } from './pages/StatusPage';

// The article page is the only one that renders Markdown, so marked and
// DOMPurify load with it instead of with the first page.
const ArticlePage = lazy(() => import('./pages/ArticlePage').then((module) => ({ default: module.ArticlePage })));

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route path="login" element={<Login />} />
        <Route path="register" element={<Register />} />
        <Route
          path="settings"
          element={
            <RequireAuth>
              <Settings />
            </RequireAuth>
          }
        />
        <Route
          path="editor"
          element={
            <RequireAuth>
              <Editor />
            </RequireAuth>
          }
        />
        <Route
          path="editor/:slug"
          element={
            <RequireAuth>
              <Editor />
            </RequireAuth>
          }
        />
        <Route
          path="article/:slug"
          element={
            <Suspense fallback={<Loading label="Loading article…" />}>
              <ArticlePage />
            </Suspense>
          }
        />
        <Route path="profile/:username" element={<ProfilePage />} />
        <Route path="profile/:username/favorites" element={<ProfilePage favorites />} />
        <Route path="status" element={<StatusPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

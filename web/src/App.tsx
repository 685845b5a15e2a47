import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RequireAuth } from './components/RequireAuth';
import { ArticlePage } from './pages/ArticlePage';
import { Login, Register } from './pages/Auth';
import { Editor } from './pages/Editor';
import { Home } from './pages/Home';
import { NotFound } from './pages/NotFound';
import { ProfilePage } from './pages/ProfilePage';
import { Settings } from './pages/Settings';
import { StatusPage } from './pages/StatusPage';

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
        <Route path="article/:slug" element={<ArticlePage />} />
        <Route path="profile/:username" element={<ProfilePage />} />
        <Route path="profile/:username/favorites" element={<ProfilePage favorites />} />
        <Route path="status" element={<StatusPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

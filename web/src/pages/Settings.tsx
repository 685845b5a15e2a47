import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { toFieldErrors } from '../api/client';
import type { FieldErrors } from '../api/client';
import { updateUser } from '../api/conduit';
import type { User, UserUpdate } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { FormErrors, TextField } from '../components/FormErrors';
import { profilePath } from '../lib/format';
import { useTitle } from '../lib/useTitle';

const FIELDS = ['image', 'username', 'bio', 'email', 'password'] as const;

/** Lists only the fields that differ from `user`, so an untouched field is never rewritten. */
export function changedFields(user: User, form: Record<(typeof FIELDS)[number], string>): UserUpdate {
  const update: UserUpdate = {};
  if (form.image.trim() !== (user.image ?? '')) update.image = form.image.trim() === '' ? null : form.image.trim();
  if (form.username !== user.username) update.username = form.username;
  if (form.bio !== (user.bio ?? '')) update.bio = form.bio === '' ? null : form.bio;
  if (form.email !== user.email) update.email = form.email;
  if (form.password !== '') update.password = form.password;
  return update;
}

/** Settings form; RequireAuth guarantees a signed-in user. */
export function Settings() {
  useTitle('Settings');
  const { user, signIn, signOut } = useAuth();
  const navigate = useNavigate();
  const current = user as User;
  const [form, setForm] = useState({
    image: current.image ?? '',
    username: current.username,
    bio: current.bio ?? '',
    email: current.email,
    password: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);

  const setField = (field: (typeof FIELDS)[number]) => (value: string) => {
    setSaved(false);
    setForm((previous) => ({ ...previous, [field]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const update = changedFields(current, form);
    setErrors({});
    if (Object.keys(update).length === 0) {
      setSaved(true);
      return;
    }
    setPending(true);
    try {
      const updated = await updateUser(update);
      signIn(updated);
      setForm((previous) => ({ ...previous, password: '' }));
      setSaved(true);
    } catch (caught) {
      setErrors(toFieldErrors(caught));
    } finally {
      setPending(false);
    }
  };

  const logout = () => {
    signOut();
    navigate('/');
  };

  return (
    <div className="container narrow">
      <h1 className="page-title">Your settings</h1>
      <FormErrors errors={errors} fields={FIELDS} />
      {saved && (
        <p className="notice" role="status">
          Settings saved. <Link to={profilePath(current.username)}>View your profile</Link>
        </p>
      )}
      <form onSubmit={submit} noValidate className="form" aria-label="Settings">
        <TextField name="image" label="Picture URL" type="url" value={form.image} onChange={setField('image')} errors={errors} placeholder="https://…" />
        <TextField name="username" label="Username" autoComplete="username" value={form.username} onChange={setField('username')} errors={errors} />
        <TextField name="bio" label="Bio" multiline rows={5} value={form.bio} onChange={setField('bio')} errors={errors} placeholder="A few words about you" />
        <TextField name="email" label="Email" type="email" autoComplete="email" value={form.email} onChange={setField('email')} errors={errors} />
        <TextField
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={setField('password')}
          errors={errors}
          hint="Leave empty to keep your current password."
        />
        <button className="btn btn-primary btn-large" type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Update settings'}
        </button>
      </form>
      <hr />
      <button type="button" className="btn btn-outline-danger" onClick={logout}>
        Sign out
      </button>
    </div>
  );
}

// Sign-in and sign-up pages.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { toFieldErrors } from '../api/client';
import type { FieldErrors } from '../api/client';
import { login, register } from '../api/conduit';
import { useAuth } from '../auth/AuthContext';
import { FormErrors, TextField } from '../components/FormErrors';
import { useTitle } from '../lib/useTitle';

/** Returns the path to open after signing in: the page that sent the user here, else home. */
function useReturnPath(): string {
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') ? from : '/';
}

export function Login() {
  useTitle('Sign in');
  const { user, signIn, sessionNotice, clearSessionNotice } = useAuth();
  const navigate = useNavigate();
  const returnPath = useReturnPath();
  // The page keeps the notice it opened with and clears the shared one, so
  // the notice shows on this visit only.
  const [notice] = useState(sessionNotice);
  useEffect(() => {
    if (sessionNotice !== null) {
      clearSessionNotice();
    }
  }, [sessionNotice, clearSessionNotice]);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  if (user && !pending) {
    return <Navigate to={returnPath} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setErrors({});
    try {
      signIn(await login({ email, password }));
      navigate(returnPath, { replace: true });
    } catch (caught) {
      setErrors(toFieldErrors(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="container narrow">
      <h1 className="page-title">Sign in</h1>
      <p className="subtle center">
        <Link to="/register">Need an account?</Link>
      </p>
      {notice && (
        <p className="notice notice-info" role="status" data-testid="session-notice">
          {notice}
        </p>
      )}
      <FormErrors errors={errors} fields={['email', 'password']} />
      <form onSubmit={submit} noValidate className="form" aria-label="Sign in">
        <TextField name="email" label="Email" type="email" autoComplete="email" value={email} onChange={setEmail} errors={errors} />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          errors={errors}
        />
        <button className="btn btn-primary btn-large" type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}

export function Register() {
  useTitle('Sign up');
  const { user, signIn } = useAuth();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  if (user && !pending) {
    return <Navigate to="/" replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setErrors({});
    try {
      signIn(await register({ username, email, password }));
      navigate('/', { replace: true });
    } catch (caught) {
      setErrors(toFieldErrors(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="container narrow">
      <h1 className="page-title">Sign up</h1>
      <p className="subtle center">
        <Link to="/login">Have an account?</Link>
      </p>
      <FormErrors errors={errors} fields={['username', 'email', 'password']} />
      <form onSubmit={submit} noValidate className="form" aria-label="Sign up">
        <TextField name="username" label="Username" autoComplete="username" value={username} onChange={setUsername} errors={errors} />
        <TextField name="email" label="Email" type="email" autoComplete="email" value={email} onChange={setEmail} errors={errors} />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          errors={errors}
          hint="At least 8 characters."
        />
        <button className="btn btn-primary btn-large" type="submit" disabled={pending}>
          {pending ? 'Signing up…' : 'Sign up'}
        </button>
      </form>
    </div>
  );
}

-- Usernames are unique regardless of case, as emails are, so that "ALICE"
-- cannot pass as an existing "alice". Profiles are still looked up by the
-- exact name.
CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username));

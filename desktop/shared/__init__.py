"""The shared archive: the same store on a PostgreSQL server, for a team (issue 21)."""

"""The SQLite store: schema, engine, migrations and the query layer (no Qt here)."""

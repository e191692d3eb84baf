"""People's edits of the catalogue (issue 18): a journal over what the build derives, with undo and history.

No Qt and no session of its own: the service API (:class:`desktop.services.Archive`) calls it inside its
write transactions, and the build replays it over every rebuild and import.
"""

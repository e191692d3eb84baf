"""Exports of what a reader selected (CSV now; one module, used by the command line and the window)."""

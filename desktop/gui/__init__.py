"""The Qt window: the only package that imports PySide6. It calls the Qt-free services in desktop.services."""

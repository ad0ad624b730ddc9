"""The package version, in a module of its own so that every room can read it without importing
the package's facade (`doctrine/__init__.py` imports the API lazily)."""

__version__ = "0.1.0"

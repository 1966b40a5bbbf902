"""The one exception a user of the store can cause: bad option values, an unreachable or corrupt database."""


class StoreError(Exception):
    """A clear, one-line problem with the user's input or database; the CLI prints it and exits 2."""

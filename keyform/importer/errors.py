"""The two ways an import stops, and the exit code each gives (0 is "written")."""

from __future__ import annotations

EXIT_WRITTEN = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class ImportFailed(Exception):
    """An appliance could not be read, or what it holds cannot be declared: the message names it (exit 1)."""

    exit_code = EXIT_FAILED


class UsageError(Exception):
    """The command is incomplete: an argument, an environment variable, an output in the way (exit 2)."""

    exit_code = EXIT_USAGE

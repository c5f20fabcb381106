"""keyform: encryption key servers and replication roles as code."""

__version__ = "0.1.0"

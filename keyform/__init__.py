"""keyform: encryption key servers and replication roles as code."""

__version__ = "0.1.0"
"""keyform's version, and its provider's: bump it here only."""

PROVIDER_SOURCE = "keyform.local/keyform/rest"
"""Where Terraform finds keyform's ``rest`` provider (a local filesystem mirror, never a registry)."""

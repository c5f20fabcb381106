"""PyKMIP without its deprecation warnings (it predates SQLAlchemy 2 and cryptography's move of TripleDES to
``decrepit``): every module here imports PyKMIP, and makes its engine, through this one."""

from __future__ import annotations

import copy
import warnings

from cryptography.utils import CryptographyDeprecationWarning

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from kmip.core import enums, exceptions, policy
    from kmip.core.messages import contents, messages, payloads
    from kmip.core.utils import BytearrayStream
    from kmip.services import auth
    from kmip.services.server import engine, session

__all__ = ["BytearrayStream", "auth", "contents", "enums", "exceptions", "messages", "new_engine", "payloads",
           "session"]


def new_engine(database_path: str) -> engine.KmipEngine:
    """PyKMIP's KMIP engine (its operations, policies and SQLite store at ``database_path``)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        return engine.KmipEngine(policies=copy.deepcopy(policy.policies), database_path=database_path)

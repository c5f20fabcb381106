"""What every simulator shares: settings, serving, state file, faults, request logs, body limits."""

from keyform.simulators.common.app import create_base_app, json_body
from keyform.simulators.common.body import parse_json, read_body
from keyform.simulators.common.faults import Faults
from keyform.simulators.common.server import RunningServer, serve
from keyform.simulators.common.settings import Settings
from keyform.simulators.common.state import StateFile

__all__ = ["Faults", "RunningServer", "Settings", "StateFile", "create_base_app", "json_body", "parse_json",
           "read_body", "serve"]

"""Simulators of the appliance REST APIs keyform manages.

One sub-package per system (``ontap``, ``vsp``, ``vault``), each exposing
``create_app(settings) -> flask.Flask``; ``common`` holds what they share:
serving on loopback, the state file, fault injection and request logs.
Run them with ``python -m keyform.simulators {ontap,vsp,vault,all}``.
"""

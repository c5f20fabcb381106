"""Small hand-written ``terraform show -json`` plan documents, shaped like the ones the keyform
constructs produce (same resource types, attributes, sensitivity marks and provider aliases)."""

from __future__ import annotations

import json
from typing import Any, Optional

REST = "keyform.local/keyform/rest"
OBJECT_MARKS = {"write_only_data": True}  # its digest is in private state, never in a plan
OPERATION_MARKS = {"write_only_data": True, "write_only_data_hash": True, "sensitive_output_values": True}
KIND_PROVIDERS = {
    "ontap": {"base_url": "https://ontap-east.example.com/api", "env_prefix": "KEYFORM_ONTAP_EAST_"},
    "vsp": {"base_url": "https://vsp-west.example.com/mapi", "csrf_path": "/v1/csrf"},
    "vault": {"base_url": "https://{alias}.example.com:8200/v1", "token_header": "X-Vault-Token"},
}


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def provider(alias: str, kind: str) -> tuple[str, dict]:
    expressions = {k: {"constant_value": v.format(alias=alias)} for k, v in KIND_PROVIDERS[kind].items()}
    return f"rest.{alias}", {"name": "rest", "full_name": REST, "alias": alias, "expressions": expressions}


def change(address: str, actions: list[str], before: Optional[dict], after: Optional[dict], *, alias: str,
           after_unknown: Optional[dict] = None, configured: Optional[bool] = None, references: Optional[dict] = None,
           before_sensitive: Any = None, after_sensitive: Any = None, replace_paths: Optional[list] = None,
           importing: Optional[str] = None) -> dict:
    """A resource change; ``configured`` (default: unless deleted) also puts it in ``configuration``;
    ``importing`` (an import id) makes it an import of Terraform 1.5+ (``change.importing``)."""
    rtype = address.split(".", 1)[0]
    marks = OBJECT_MARKS if rtype == "rest_object" else OPERATION_MARKS
    rc = {
        "address": address, "mode": "managed", "type": rtype, "name": address.split(".", 1)[1], "provider_name": REST,
        "change": {
            "actions": actions, "before": before, "after": after, "after_unknown": after_unknown or {},
            "before_sensitive": (dict(marks) if before is not None and before_sensitive is None
                                 else (before_sensitive or False)),
            "after_sensitive": (dict(marks) if after is not None and after_sensitive is None
                                else (after_sensitive or False)),
        },
    }
    if replace_paths:
        rc["change"]["replace_paths"] = replace_paths
    if importing is not None:
        rc["change"]["importing"] = {"id": importing}
    rc["_configured"] = (actions != ["delete"]) if configured is None else configured
    rc["_alias"] = alias
    rc["_references"] = references or {}
    return rc


def plan(*changes: dict, providers: dict[str, str], variables: Optional[dict] = None, outputs: Optional[dict] = None,
         sensitive_variables: tuple = ()) -> dict:
    """A plan document of ``changes``; ``providers`` maps alias -> kind (ontap, vsp, vault)."""
    provider_config = {"rest": {"name": "rest", "full_name": REST}}
    for alias, kind in providers.items():
        key, config = provider(alias, kind)
        provider_config[key] = config
    resources, resource_changes = [], []
    for rc in changes:
        rc = dict(rc)
        configured, alias, references = rc.pop("_configured"), rc.pop("_alias"), rc.pop("_references")
        resource_changes.append(rc)
        if configured:
            after = rc["change"]["after"] or {}
            expressions = {k: {"constant_value": v} for k, v in after.items() if v is not None}
            for name, refs in references.items():
                expressions.setdefault(name, {"constant_value": f"${{{refs[0]}}}"})["references"] = refs
            resources.append({"address": rc["address"], "mode": "managed", "type": rc["type"], "name": rc["name"],
                              "provider_config_key": f"rest.{alias}", "expressions": expressions, "schema_version": 0})
    document = {
        "format_version": "1.2", "terraform_version": "1.11.4",
        "resource_changes": resource_changes,
        "configuration": {"provider_config": provider_config,
                          "root_module": {"resources": resources,
                                          "variables": {n: {"sensitive": True} for n in sensitive_variables}}},
        "planned_values": {"root_module": {}}, "applyable": True, "complete": True, "errored": False,
    }
    if variables:
        document["variables"] = {k: {"value": v} for k, v in variables.items()}
    if outputs:
        document["output_changes"] = outputs
    return document


# ---------------------------------------------------------------------------- domain shorthands
KM_UUID = "7b44222c-93c8-469c-a0ef-506f20ce132b"
KM_DATA = {"external": {"client_certificate": {"name": "kmip-client"}, "server_ca_certificates": [{"name": "kmip-ca"}]},
           "svm": {"name": "svm1"}}


def key_manager(actions: list[str], alias: str = "ontap-east", data: Optional[dict] = None, **kwargs) -> dict:
    values = {"path": "/security/key-managers", "data": canonical(data or KM_DATA), "id": KM_UUID,
              "write_only_data": None, "write_only_data_version": None, "response": "{}"}
    before = None if actions == ["create"] else dict(values)
    after = None if actions == ["delete"] else dict(values)
    return change("rest_object.key_manager_ED643D7C", actions, before, after, alias=alias, **kwargs)


def key_server(actions: list[str], server: str, before_secondaries=(), after_secondaries=(), *,
               alias: str = "ontap-east", password_before: Optional[int] = None,
               password_after: Optional[int] = None, extra_before=None, extra_after=None, **kwargs) -> dict:
    """``password_before``/``password_after``: how many times the KMIP password was sent (write_only_data_version),
    None without one."""
    path = f"/security/key-managers/{KM_UUID}/key-servers"

    def values(secondaries, sends, extra):
        data = {"server": server, "secondary_key_servers": list(secondaries), **(extra or {})}
        return {"path": path, "data": canonical(data), "id": server, "write_only_data": None,
                "write_only_data_version": sends, "response": canonical({"server": server})}

    before = None if actions == ["create"] else values(before_secondaries, password_before, extra_before)
    after = None if actions == ["delete"] else values(after_secondaries, password_after, extra_after)
    slug = "".join(c if c.isalnum() else "_" for c in server)
    return change(f"rest_object.key_manager_key_server_{slug}_0A1B2C3D", actions, before, after, alias=alias,
                  references={"path": ["rest_object.key_manager_ED643D7C.id", "rest_object.key_manager_ED643D7C"]},
                  **kwargs)


def kmip_server(actions: list[str], name: str, port: int = 5696, alias: str = "vsp-west",
                after_port: Optional[int] = None, **kwargs) -> dict:
    def values(p):
        return {"path": "/v1/kmip", "data": canonical({"name": name, "host": "kms.example.com", "port": p,
                                                       "isTLS12Enabled": True, "kmipProtocol": "V2_0"}),
                "id": f"uuid-{name}", "write_only_data": None, "write_only_data_version": None}

    before = None if actions == ["create"] else values(port)
    after = None if actions == ["delete"] else values(after_port or port)
    return change(f"rest_object.kmip_kmip_server_{name.replace('-', '_')}_4D1A2739", actions, before, after,
                  alias=alias, **kwargs)


def promotion(actions: list[str], before_primary: Optional[str], after_primary: Optional[str], alias: str = "vsp-west",
              runs: bool = True, **kwargs) -> dict:
    def values(primary):
        return {"path": "/v1/kmip/promote_server", "body": canonical({"name": primary}),
                "triggers": {"primary": primary}, "id": "run-1", "destroy_path": None, "write_only_data": None,
                "write_only_data_hash": None, "sensitive_output_values": None}

    before = values(before_primary) if before_primary else None
    after = values(after_primary) if after_primary else None
    return change("rest_operation.kmip_primary_BE7F243B", actions, before, after, alias=alias,
                  after_unknown={"id": True, "response": True} if runs and after else {}, **kwargs)


DR = "/sys/replication/dr"
DR_CALLS = {
    "demote": (f"{DR}/primary/demote", {"data/mode": "primary"}, None, None),
    "promote": (f"{DR}/secondary/promote", {"data/mode": "secondary"}, None, None),
    "primary": (f"{DR}/primary/enable", {"data/mode": "disabled"}, f"{DR}/primary/disable", {"data/mode": "primary"}),
    "secondary": (f"{DR}/secondary/enable", {"data/mode": "disabled"}, f"{DR}/secondary/disable",
                  {"data/mode": "secondary"}),
    "update": (f"{DR}/secondary/update-primary", {"data/mode": "secondary"}, None, None),
}


# The wipe checks the construct gives a secondary's enable unless allow_wipe names the cluster.
WIPE_CHECKS = canonical([{"path": "/sys/mounts", "message": "holds data",
                          "when": {"path": "data/mode", "in": ["disabled"]},
                          "require": {"path": "data", "keys_subset_of": ["cubbyhole/", "identity/", "sys/"]}}])


def dr_values(call: str, primary: str, body: str = "{}", digest: Optional[str] = None,
              destroy_body: Optional[str] = None, sensitive_outputs: Optional[dict] = None,
              wipe_acknowledged: bool = False) -> dict:
    if call == "token":
        path, run_when, destroy, destroy_when = (f"{DR}/primary/secondary-token", None,
                                                 f"{DR}/primary/revoke-secondary",
                                                 {"data/mode": "primary"})
    else:
        path, run_when, destroy, destroy_when = DR_CALLS[call]
    return {"path": path, "body": body, "condition_path": f"{DR}/status", "run_when": run_when, "destroy_path": destroy,
            "destroy_when": destroy_when, "destroy_body": destroy_body,
            "triggers": {"primary": primary} if call != "token" else None,
            "id": "run-0", "write_only_data": None, "write_only_data_hash": digest,
            "sensitive_output_values": sensitive_outputs, "response": "{}",
            "preconditions": WIPE_CHECKS if call == "secondary" and not wipe_acknowledged else None}


def dr_call(actions: list[str], cluster: str, name: str, before: Optional[dict], after: Optional[dict],
            **kwargs) -> dict:
    slug = cluster.replace("-", "_")
    unknown = {"id": True, "response": True, "sensitive_output_values": True} if after is not None else {}
    return change(f"rest_operation.dr_{slug}_{name}_1A2B3C4D", actions, before, after, alias=cluster,
                  after_unknown=kwargs.pop("after_unknown", unknown), **kwargs)

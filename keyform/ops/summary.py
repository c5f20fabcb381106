"""Read back what the appliances hold and say it in a few human lines (the main job's summary).

Uses the same HTTP client as the provider, so it authenticates the same way (basic auth,
OAuth2 + CSRF, X-Vault-Token) and never prints a credential.
"""

from __future__ import annotations

from dataclasses import dataclass

from keyform.appliances import connection, ontap, vault, vsp
from keyform.client import RestClient, paging


@dataclass
class Appliance:
    kind: str  # ontap | vsp | vault
    name: str
    base_url: str
    username: str = ""
    password: str = ""
    token: str = ""
    ca_cert_file: str = ""
    """The CA the appliance's HTTPS certificate chains to (the simulators' run CA); empty: the system's."""


def _client(a: Appliance) -> RestClient:
    return RestClient(connection.client_config(a.kind, a.base_url, username=a.username, password=a.password,
                                               token=a.token, ca_cert_file=a.ca_cert_file or None))


def ontap_lines(a: Appliance) -> list[str]:
    client = _client(a)
    managers = paging.get_records(client, f"{ontap.KEY_MANAGERS}?fields=*")
    lines = [f"ONTAP {a.name} ({a.base_url}): {len(managers)} key manager(s)"]
    for km in managers:
        owner = f"SVM {km['svm']['name']}" if km.get("svm") else "cluster"
        kind = "onboard" if (km.get("onboard") or {}).get("enabled") else "external"
        lines.append(f"  key manager for {owner} ({kind})")
        if kind == "external":
            servers = paging.get_records(client, ontap.key_servers_path(km["uuid"]))
            for ks in servers:
                secondaries = ", ".join(ontap.secondaries(ks.get("secondary_key_servers"))) or "none"
                lines.append(f"    primary key server {ks['server']}  secondaries: {secondaries}")
    return lines


def vsp_lines(a: Appliance) -> list[str]:
    servers = _client(a).request("POST", vsp.LIST).body.get("servers", {})
    lines = [f"VSP One Object {a.name} ({a.base_url}): {len(servers)} KMIP server(s)"]
    for server in sorted(servers.values(), key=lambda s: (not s["isPrimary"], s["name"])):
        role = "PRIMARY  " if server["isPrimary"] else "secondary"
        online = "online" if server["isOnline"] else "offline"
        address = f"{server['host']}:{server['port']}"
        lines.append(f"  {server['name']:<12} {role} {address}  {server['kmipProtocol']}  {online}")
    return lines


def vault_lines(a: Appliance) -> list[str]:
    data = _client(a).request("GET", vault.STATUS).body.get("data") or {}
    mode, state = data.get("mode", "?"), data.get("state", "")
    line = f"Vault {a.name} ({a.base_url}): DR {mode}" + (f", {state}" if state else "")
    if mode == "primary":
        secondaries = [f"{s.get('node_id')} ({s.get('connection_status')})" for s in data.get("secondaries", [])]
        line += f"; secondaries: {', '.join(secondaries) or 'none'}"
    elif mode == "secondary":
        primaries = [p.get("api_address", "?") for p in data.get("primaries", [])]
        line += f"; primary: {', '.join(primaries) or 'none'}"
    return [line]


def summarize(appliances: list[Appliance]) -> list[str]:
    render = {"ontap": ontap_lines, "vsp": vsp_lines, "vault": vault_lines}
    lines: list[str] = []
    for appliance in appliances:
        try:
            lines.extend(render[appliance.kind](appliance))
        except Exception as exc:  # noqa: BLE001 - one unreachable appliance must not hide the others
            lines.append(f"{appliance.kind} {appliance.name} ({appliance.base_url}): could not read back: {exc}")
    return lines


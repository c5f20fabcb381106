"""NetApp ONTAP: a key manager (SVM or cluster scope; external or onboard) and its key servers.

Supported: POST|GET|PATCH|DELETE /api/security/key-managers[/{uuid}],
POST|GET|PATCH|DELETE /api/security/key-managers/{uuid}/key-servers[/{server}] (seeds 001, 002, 004).
Key-server calls run asynchronously (``return_timeout=0``) and the provider follows the job.
Every object can be found by its natural key — the key manager by its SVM (or the cluster scope),
a key server by ``host:port`` — so an answer lost after the cluster committed, or a create refused
because the object is already there, takes the object into state instead of leaving an orphan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from cdktf import Fn, TerraformVariable
from constructs import Construct

from generated.rest.object_resource import ObjectResource
from generated.rest.provider import RestProvider
from keyform.constructs.errors import KeyformConfigError
from keyform.constructs.naming import canonical, slug, slug_clash
from keyform.constructs.inputs import require_secret
from keyform.constructs.topology import Endpoint, Topology

MAX_PRIMARIES = 4
MAX_SECONDARIES = 3
ASYNC = "?return_timeout=0"


@dataclass(frozen=True)
class KeyServer:
    """A primary key server: ``host[:port]`` (port 5696 when absent) and its secondaries."""

    server: str
    secondaries: Sequence[str] = ()
    timeout: Optional[int] = None
    username: Optional[str] = None
    password: Optional[TerraformVariable] = None


class OntapKeyManager(Construct):
    """A key manager and its primary key servers (each with up to 3 secondaries).

    ``key_manager`` and ``key_servers`` (by ``host:port``) expose the generated resources.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        provider: RestProvider,
        svm: Optional[str] = None,
        client_certificate: Optional[str] = None,
        server_ca_certificates: Sequence[str] = (),
        onboard_passphrase: Optional[TerraformVariable] = None,
        key_servers: Sequence[KeyServer] = (),
    ):
        super().__init__(scope, id)
        path = self.node.path
        servers = [self._checked(path, i, ks) for i, ks in enumerate(key_servers)]
        self._validate_topology(path, servers)
        if onboard_passphrase is not None:
            data, secret = self._onboard(path, svm, client_certificate, servers, onboard_passphrase)
        else:
            data, secret = self._external(path, svm, client_certificate, server_ca_certificates), None
        scope_filter = "svm.name={data.svm.name}" if svm else "scope=cluster"
        self.key_manager = ObjectResource(
            self, "key_manager", provider=provider, path="/security/key-managers", data=canonical(data),
            write_only_data=secret, id_attribute="uuid", force_new_keys=["svm", "scope", "onboard"],
            lookup_path="{path}?" + scope_filter, lookup_selector="records/0",
        )
        self.key_servers: dict[str, ObjectResource] = {}
        for endpoint, spec in servers:
            self.key_servers[str(endpoint)] = self._key_server(provider, endpoint, spec)

    # -------------------------------------------------------------- validation
    @staticmethod
    def _checked(path: str, index: int, spec: KeyServer) -> tuple[Endpoint, KeyServer]:
        where = f"key_servers[{index}]"
        endpoint = Endpoint.parse(spec.server, path, f"{where}.server")
        if spec.username and spec.password is None:
            raise KeyformConfigError(path, f"{where}.password", f"username '{spec.username}' is given without a password",
                                     "pass password=secret(...) as well (ONTAP needs both: error 65536846)")
        if spec.password is not None and not spec.username:
            raise KeyformConfigError(path, f"{where}.username", "a password is given without a username",
                                     "set username as well (ONTAP needs both: error 65536845)")
        if spec.password is not None:
            require_secret(spec.password, path, f"{where}.password")
        if spec.timeout is not None and not 1 <= spec.timeout <= 60:
            raise KeyformConfigError(path, f"{where}.timeout", f"{spec.timeout} is out of range", "use 1 to 60 seconds")
        for j, secondary in enumerate(spec.secondaries):
            Endpoint.parse(secondary, path, f"{where}.secondaries[{j}]")
        return endpoint, spec

    @staticmethod
    def _validate_topology(path: str, servers: list[tuple[Endpoint, KeyServer]]) -> None:
        topology = Topology(path)
        for endpoint, spec in servers:
            topology.add_primary(str(endpoint))
        for endpoint, spec in servers:
            for secondary in spec.secondaries:
                topology.add_secondary(str(Endpoint.parse(secondary, path, "secondary")), of=str(endpoint))
        topology.validate("key server", max_primaries=MAX_PRIMARIES, max_secondaries_per_primary=MAX_SECONDARIES,
                          secondaries_unique_per_primary_only=True)
        names = [str(endpoint) for endpoint, _ in servers]
        clash = slug_clash(names)
        if clash:  # distinct servers, one construct id; the first clashing name is where it was found
            raise KeyformConfigError(path, f"key_servers[{names.index(clash[0])}].server",
                                     f"{clash[0]} and {clash[1]} would get the same resource name",
                                     "declare servers that differ in more than punctuation")

    @staticmethod
    def _external(path, svm, client_certificate, server_ca_certificates) -> dict:
        if not client_certificate:
            raise KeyformConfigError(path, "client_certificate", "is missing for an external key manager",
                                     "name the installed KMIP client certificate, or pass onboard_passphrase for onboard")
        if not server_ca_certificates:
            raise KeyformConfigError(path, "server_ca_certificates", "is empty",
                                     "name at least one installed CA certificate of the key servers")
        data = {"external": {"client_certificate": {"name": client_certificate},
                             "server_ca_certificates": [{"name": n} for n in server_ca_certificates]}}
        if svm:
            data["svm"] = {"name": svm}
        return data

    @staticmethod
    def _onboard(path, svm, client_certificate, servers, passphrase):
        if svm:
            raise KeyformConfigError(path, "svm", "the Onboard Key Manager exists only at cluster scope",
                                     "drop svm, or configure an external key manager for the SVM")
        if client_certificate or servers:
            raise KeyformConfigError(path, "onboard_passphrase", "onboard and external key management are exclusive",
                                     "drop client_certificate/key_servers, or drop onboard_passphrase")
        require_secret(passphrase, path, "onboard_passphrase")
        return {"scope": "cluster"}, Fn.jsonencode({"onboard": {"passphrase": passphrase.string_value}})

    # --------------------------------------------------------------- resources
    def _key_server(self, provider: RestProvider, endpoint: Endpoint, spec: KeyServer) -> ObjectResource:
        data = {
            "server": str(endpoint),
            "secondary_key_servers": [str(Endpoint.parse(s, self.node.path, "secondary")) for s in spec.secondaries],
        }
        if spec.timeout is not None:
            data["timeout"] = spec.timeout
        if spec.username:
            data["username"] = spec.username
        extra = {}
        if spec.password is not None:
            extra["write_only_data"] = Fn.jsonencode({"password": spec.password.string_value})
            # ONTAP wants username and password together in a PATCH (65536845/65536846).
            extra["update_body"] = canonical({"username": "{data.username}"})
        return ObjectResource(
            self, f"key_server_{slug(str(endpoint))}", provider=provider,
            path=f"/security/key-managers/{self.key_manager.id}/key-servers",
            data=canonical(data), id_template="{data.server}", force_new_keys=["server"],
            create_path="{path}" + ASYNC, update_path="{path}/{id}" + ASYNC, destroy_path="{path}/{id}" + ASYNC,
            lookup_path="{path}/{data.server}",
            **extra,
        )

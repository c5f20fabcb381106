"""NetApp ONTAP: a key manager (SVM or cluster scope; external or onboard) and its key servers.

Supported: POST|GET|PATCH|DELETE /api/security/key-managers[/{uuid}],
POST|GET|PATCH|DELETE /api/security/key-managers/{uuid}/key-servers[/{server}] (seeds 001, 002, 004); the
certificates a key manager names may be installed from PEM by :class:`OntapCertificate` (its own module).
Key-server calls run asynchronously (``return_timeout=0``) and the provider follows the job.
Every object can be found by its natural key — the key manager by its SVM (or the cluster scope),
a key server by ``host:port`` — so an answer lost after the cluster committed, or a create refused
because the object is already there, takes the object into state instead of leaving an orphan.

With ``adopt=True`` what the cluster already holds is imported at the first deploy (``N to import``),
found by the same keys while Terraform plans; what is missing is created. A password or passphrase
that cannot be read back is sent only when its secret input is set: adoption never changes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Sequence, Union
from urllib.parse import quote

from constructs import Construct

from keyform.appliances import ontap as api
from keyform.cdk import (
    DataRestObject, Fn, ObjectResource, Postcondition, RestProvider, TerraformResourceLifecycle, TerraformVariable,
    Token,
)
from keyform.constructs.adoption import Expression, declare_import
from keyform.constructs.errors import KeyformConfigError
from keyform.constructs.inputs import require_secret, when_set
from keyform.constructs.naming import api_json, canonical, slug, slug_clash
from keyform.constructs.ontap_certificate import OntapCertificate, check_named
from keyform.constructs.topology import Endpoint, Topology

MAX_PRIMARIES = api.MAX_PRIMARIES
MAX_SECONDARIES = api.MAX_SECONDARIES


@dataclass(frozen=True)
class KeyServer:
    """A primary key server: ``host[:port]`` (port 5696 when absent) and its secondaries.

    ``timeout``: 1-60 seconds, or -1 (wait indefinitely) and 0 (do not wait), which ONTAP takes from 9.14.1. The
    release is not known at synth, so -1 and 0 are accepted here and an older cluster refuses them at apply with
    its own error (262185, "Invalid value for field "timeout"..."), which the deploy shows.
    ``create_remove_timeout``: -1 to 60 seconds (-1 wait indefinitely, 0 do not wait) for adding and removing
    the server, ONTAP 9.14.1 and later; an older cluster refuses it at apply (262179, "Unexpected argument").
    """

    server: str
    secondaries: Sequence[str] = ()
    timeout: Optional[int] = None
    username: Optional[str] = None
    password: Optional[TerraformVariable] = None
    create_remove_timeout: Optional[int] = None


class OntapKeyManager(Construct):
    """A key manager and its primary key servers (each with up to 3 secondaries).

    ``client_certificate`` and ``server_ca_certificates`` are each an :class:`OntapCertificate` the stack installs
    (the key manager is then created after it and deleted before it), or the name of a certificate installed
    outside the stack (an absent one: ONTAP's 65536821 "Certificate is not installed." at apply).
    ``key_manager`` and ``key_servers`` (by ``host:port``) expose the generated resources. With ``adopt``,
    the key manager and key servers the cluster already holds are imported instead of created.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        provider: RestProvider,
        svm: Optional[str] = None,
        client_certificate: Union[str, OntapCertificate, None] = None,
        server_ca_certificates: Sequence[Union[str, OntapCertificate]] = (),
        onboard_passphrase: Optional[TerraformVariable] = None,
        key_servers: Sequence[KeyServer] = (),
        adopt: bool = False,
    ):
        super().__init__(scope, id)
        path = self.node.path
        servers = [self._checked(path, i, ks) for i, ks in enumerate(key_servers)]
        self._validate_topology(path, servers)
        installed: list[OntapCertificate] = []
        if onboard_passphrase is not None:
            data, secret = self._onboard(path, svm, client_certificate, servers, onboard_passphrase)
        else:
            client = self._certificate(provider, svm, "client_certificate", client_certificate, "client", installed)
            cas = [self._certificate(provider, svm, f"server_ca_certificates[{i}]", ca, "server_ca", installed)
                   for i, ca in enumerate(server_ca_certificates)]
            data, secret = self._external(path, svm, client, cas), None
        self.key_manager = ObjectResource(
            self, "key_manager", provider=provider, path=api.KEY_MANAGERS, data=canonical(data),
            write_only_data=secret, depends_on=[c.certificate for c in installed] or None,
            api=api_json(api.key_manager_settings(svm)),
        )
        self.key_servers: dict[str, ObjectResource] = {}
        for endpoint, spec in servers:
            self.key_servers[str(endpoint)] = self._key_server(provider, endpoint, spec)
        if adopt:
            self._adopt(provider, svm, onboard=onboard_passphrase is not None)

    # -------------------------------------------------------------- validation
    @staticmethod
    def _checked(path: str, index: int, spec: KeyServer) -> tuple[Endpoint, KeyServer]:
        where = f"key_servers[{index}]"
        endpoint = Endpoint.parse(spec.server, path, f"{where}.server")
        if spec.username and spec.password is None:
            raise KeyformConfigError(path, f"{where}.password",
                                     f"username '{spec.username}' is given without a password",
                                     "pass password=secret(...) as well (ONTAP needs both: error 65536846)")
        if spec.password is not None and not spec.username:
            raise KeyformConfigError(path, f"{where}.username", "a password is given without a username",
                                     "set username as well (ONTAP needs both: error 65536845)")
        if spec.password is not None:
            require_secret(spec.password, path, f"{where}.password")
        low, high = api.TIMEOUT_RANGE
        if spec.timeout is not None and not api.timeout_allowed(spec.timeout):
            raise KeyformConfigError(path, f"{where}.timeout", f"{spec.timeout} is out of range",
                                     f"use {low} to {high} seconds, or -1 (wait indefinitely) or 0 (do not wait) "
                                     "on ONTAP 9.14.1 and later")
        low, high = api.CREATE_REMOVE_TIMEOUT_RANGE
        crt = spec.create_remove_timeout
        if crt is not None and (isinstance(crt, bool) or not isinstance(crt, int) or not low <= crt <= high):
            raise KeyformConfigError(path, f"{where}.create_remove_timeout", f"{crt!r} is out of range",
                                     f"use {low} (wait indefinitely), 0 (do not wait) or 1 to {high} seconds "
                                     "(ONTAP 9.14.1 and later)")
        for j, secondary in enumerate(spec.secondaries):
            Endpoint.parse(secondary, path, f"{where}.secondaries[{j}]")
        return endpoint, spec

    @staticmethod
    def _validate_topology(path: str, servers: list[tuple[Endpoint, KeyServer]]) -> None:
        topology = Topology(path)
        for endpoint, _ in servers:
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

    def _certificate(self, provider: RestProvider, svm: Optional[str], field: str,
                     given: Union[str, OntapCertificate, None], kind: str,
                     installed: list[OntapCertificate]) -> Optional[str]:
        """The name of a certificate the key manager names; one the stack installs is checked to fit (type,
        cluster, scope) and added to ``installed``."""
        path = self.node.path
        if not isinstance(given, OntapCertificate):
            if given:
                check_named(self, field, provider, svm, given)
            return given
        where = f'SVM "{given.svm}"' if given.svm else "the cluster"
        if given.type != kind:
            raise KeyformConfigError(path, field, f"{given.node.path} is a {given.type} certificate",
                                     f"name a {kind} certificate here")
        if given.provider is not provider:
            raise KeyformConfigError(path, field, f"{given.node.path} is installed through another provider "
                                     "(another cluster)", "install it with this key manager's provider")
        if given.svm not in (None, svm):
            fix = f'install it in SVM "{svm}" or at cluster scope' if svm else "install it at cluster scope"
            owner = f'SVM "{svm}"' if svm else "the cluster"
            raise KeyformConfigError(path, field, f"{given.node.path} is installed in {where}, which the key manager "
                                     f"of {owner} cannot use", fix)
        installed.append(given)
        return given.name

    @staticmethod
    def _external(path: str, svm: Optional[str], client_certificate: Optional[str],
                  server_ca_certificates: Sequence[Optional[str]]) -> dict[str, Any]:
        if not client_certificate:
            raise KeyformConfigError(
                path, "client_certificate", "is missing for an external key manager",
                "name the installed KMIP client certificate, or pass onboard_passphrase for onboard")
        if not server_ca_certificates:
            raise KeyformConfigError(path, "server_ca_certificates", "is empty",
                                     "name at least one installed CA certificate of the key servers")
        for i, name in enumerate(server_ca_certificates):
            if not name:
                raise KeyformConfigError(path, f"server_ca_certificates[{i}]", "is empty",
                                         "name a CA certificate, or pass an OntapCertificate")
        return api.external_data(svm, client_certificate, [n for n in server_ca_certificates if n])

    @staticmethod
    def _onboard(path: str, svm: Optional[str], client_certificate: Union[str, OntapCertificate, None],
                 servers: list[tuple[Endpoint, KeyServer]],
                 passphrase: TerraformVariable) -> tuple[dict[str, Any], str]:
        if svm:
            raise KeyformConfigError(path, "svm", "the Onboard Key Manager exists only at cluster scope",
                                     "drop svm, or configure an external key manager for the SVM")
        if client_certificate or servers:
            raise KeyformConfigError(path, "onboard_passphrase", "onboard and external key management are exclusive",
                                     "drop client_certificate/key_servers, or drop onboard_passphrase")
        require_secret(passphrase, path, "onboard_passphrase")
        return dict(api.ONBOARD_DATA), when_set(passphrase, {"onboard": {"passphrase": Expression(passphrase.fqn)}})

    # --------------------------------------------------------------- resources
    def _key_server(self, provider: RestProvider, endpoint: Endpoint, spec: KeyServer) -> ObjectResource:
        # ONTAP keys a primary by host:port (lower case, port added) but keeps secondaries as it was given them:
        # sent as declared (checked when parsed), so what it shows back matches and adopted code plans clean.
        secondaries = [s.strip() for s in spec.secondaries]
        data = api.key_server_data(str(endpoint), secondaries, spec.timeout, spec.username, spec.create_remove_timeout)
        extra: dict[str, Any] = {}
        if spec.password is not None:
            # ONTAP takes username and password together in a PATCH (65536845/65536846): both travel as the
            # write-only part, sent only when the password is set (the username is in data for the create).
            extra["write_only_data"] = when_set(spec.password, {"username": spec.username,
                                                                 "password": Expression(spec.password.fqn)})
        return ObjectResource(
            self, f"key_server_{slug(str(endpoint))}", provider=provider,
            path=api.key_servers_path(self.key_manager.id), data=canonical(data),
            api=api_json(api.key_server_settings()), **extra,
        )

    # ----------------------------------------------------------------- adoption
    def _adopt(self, provider: RestProvider, svm: Optional[str], onboard: bool) -> None:
        """Import what the cluster holds, found while Terraform plans: the key manager by its SVM, each key
        server by ``host:port`` under it (looked up only where the key manager exists). A key manager of the
        other kind (onboard where external is declared, or the reverse) is refused at plan: importing it would
        replace it, and its keys with it."""
        found = DataRestObject(self, "key_manager_found", provider=provider,
                               path=api.key_manager_query(svm, fields="onboard.enabled"), items_path="records",
                               pick={"id": "uuid", "onboard": "onboard/enabled"}, allow_missing=True,
                               lifecycle=TerraformResourceLifecycle(
                                   postcondition=[_same_kind(self.node.path, svm, onboard)]))
        manager = f"data.rest_object.{found.friendly_unique_id}"
        declare_import(self, self.key_manager, {"path": api.KEY_MANAGERS, "id": Expression("each.value"),
                                                "api": api.key_manager_settings(svm)},
                       for_each=f'{{for k, v in {manager}.values : k => v if k == "id"}}')
        servers_path = api.key_servers_path("${" + manager + '.values["id"]}')
        for server, resource in self.key_servers.items():
            lookup = DataRestObject(
                self, f"key_server_found_{slug(server)}", provider=provider,
                count=Token.as_number(Fn.length_of(found.values)), path=f"{servers_path}/{quote(server, safe=':')}",
                pick={"id": "server"}, allow_missing=True)
            ref = f"data.rest_object.{lookup.friendly_unique_id}"
            declare_import(self, resource, {"path": Expression(_hcl_template(servers_path)),
                                            "id": Expression("each.value"),
                                            "api": api.key_server_settings()},
                           for_each=f"length({ref}) > 0 ? {ref}[0].values : {{}}")


def _same_kind(path: str, svm: Optional[str], onboard: bool) -> Postcondition:
    """The plan-time refusal to adopt a key manager of the other kind, naming it and the choices."""
    where = f'SVM "{svm}"' if svm else "the cluster"
    held, declared = ("external", "onboard") if onboard else ("onboard", "external")
    message = (f"{path}: {where} already has an {held} key manager, and this declares an {declared} one with "
               f"adopt=True. Adopting it would replace it, destroying its keys: keyform does not do that. Either "
               f"declare it as it is ({api.declare_as(held)}) to adopt it, or change the key management on the "
               "cluster first (ONTAP migrates keys between onboard and external key managers), then deploy again.")
    expected = "true" if onboard else "false"
    return Postcondition(condition=f'${{lookup(self.values, "onboard", "{expected}") == "{expected}"}}',
                         error_message=message)


def _hcl_template(text: str) -> str:
    """A string holding ``${...}`` interpolations as an HCL template literal (quotes inside an interpolation
    need no escape in HCL)."""
    return '"' + text + '"'

"""NetApp ONTAP: a certificate installed from PEM, for a key manager to name (its KMIP trust chain in code).

Supported: POST|GET|DELETE /api/security/certificates[/{uuid}] (NetApp "Manage security certificates").
A certificate is found by its natural key, its name in its SVM (or at cluster scope) — and after a lost answer or
a refusal, its serial number too — and with ``adopt=True`` an installed one is imported at the first deploy.
ONTAP never changes a certificate in place: a new ``public_certificate`` (or type, SVM) installs it anew, and
a certificate a key manager uses cannot be deleted. So a certificate is created before the one it replaces is
deleted (``create_before_destroy``): rotate by declaring the new one under a new name and pointing the key
manager at it, and one deploy installs it, changes the key manager, then deletes the old one. A new
certificate under the same name is refused at apply (3735622, the name is taken), the old one left in place.

The private key of a ``client`` certificate is a secret: a sensitive input sent with the install only
(``write_only_data``), never in the synthesized JSON, state or plan, and never read back (ONTAP does not show it).
"""

from __future__ import annotations

import re
import weakref
from typing import Optional

from constructs import Construct
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from keyform.appliances import ontap as api
from keyform.cdk import (
    DataRestObject, ObjectResource, RestProvider, TerraformResourceLifecycle, TerraformStack, TerraformVariable,
    Token,
)
from keyform.constructs.adoption import Expression, declare_import
from keyform.constructs.errors import KeyformConfigError
from keyform.constructs.inputs import require_secret, when_set
from keyform.constructs.naming import api_json, canonical

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$")
"""CHOSEN: a declared certificate's name, which is also a query filter of its lookup, holds no ONTAP query
characters (``*``, ``|``, ``!``, ``<``, ``>``) nor spaces. Names of certificates installed by other means are free."""
_PEM_BLOCK = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----")

# Per stack: (provider path, svm or None, name) of each declared certificate → its construct path; (provider path,
# name) of each certificate a key manager names as a string (installed outside the stack) → (its path, the field,
# its svm).
_DECLARED: "weakref.WeakKeyDictionary[TerraformStack, dict[tuple[str, Optional[str], str], str]]" = \
    weakref.WeakKeyDictionary()
_NAMED: "weakref.WeakKeyDictionary[TerraformStack, dict[tuple[str, str], list[tuple[str, str, Optional[str]]]]]" = \
    weakref.WeakKeyDictionary()


class OntapCertificate(Construct):
    """A ``client`` (with its ``private_key``, a secret) or ``server_ca`` certificate installed on a cluster, in
    ``svm`` or at cluster scope. Pass it to :class:`OntapKeyManager` as ``client_certificate`` or in
    ``server_ca_certificates``: the key manager is then created after it and deleted before it.

    ``public_certificate`` is one PEM certificate (``-----BEGIN CERTIFICATE-----``), written as ``cryptography``
    writes it; ``private_key`` its unencrypted PEM key, e.g. ``secret(self, "kmip_client_key", ...)`` set with
    ``TF_VAR_kmip_client_key="$(cat client.key)"``. ``certificate`` exposes the generated resource.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        provider: RestProvider,
        name: str,
        type: str,
        public_certificate: str,
        private_key: Optional[TerraformVariable] = None,
        svm: Optional[str] = None,
        adopt: bool = False,
    ):
        super().__init__(scope, id)
        path = self.node.path
        self.provider, self.name, self.type, self.svm = provider, name, type, svm
        _check_name(path, name)
        if type not in api.CERTIFICATE_TYPES:
            raise KeyformConfigError(path, "type", f"'{type}' is not a certificate a key manager names",
                                     "use 'client' (the KMIP client certificate, with its private key) or "
                                     "'server_ca' (a CA of the key servers)")
        cert = read_certificate(path, public_certificate)
        self.serial_number = format(cert.serial_number, "X")
        pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
        write_only = self._private_key(path, private_key, adopt)
        _register(self)
        self.certificate = ObjectResource(
            self, "certificate", provider=provider, path=api.CERTIFICATES,
            data=canonical(api.certificate_data(name, type, pem, svm)), write_only_data=write_only,
            lifecycle=TerraformResourceLifecycle(create_before_destroy=True),
            api=api_json(api.certificate_settings(svm, self.serial_number)),
        )
        if adopt:
            self._adopt()

    def _private_key(self, path: str, private_key: Optional[TerraformVariable], adopt: bool) -> Optional[str]:
        if self.type == "server_ca":
            if private_key is not None:
                raise KeyformConfigError(path, "private_key", "a server_ca certificate is installed without a key",
                                         "drop private_key (only a client certificate has one)")
            return None
        if private_key is None:
            if adopt:
                return None  # already installed with its key; a new install then says 262197 (private_key missing)
            raise KeyformConfigError(path, "private_key", "is missing for a client certificate",
                                     "pass private_key=secret(scope, name, description) holding its PEM private key "
                                     "(ONTAP installs a client certificate only with its key)")
        require_secret(private_key, path, "private_key")
        return when_set(private_key, {"private_key": Expression(private_key.fqn)})

    def _adopt(self) -> None:
        """Import the certificate installed under this name in this SVM (or the cluster), found while Terraform
        plans; created when there is none."""
        found = DataRestObject(self, "certificate_found", provider=self.provider,
                               path=api.certificate_query(self.name, self.svm), items_path="records",
                               pick={"id": "uuid"}, allow_missing=True)
        ref = f"data.rest_object.{found.friendly_unique_id}"
        declare_import(self, self.certificate, {"path": api.CERTIFICATES, "id": Expression("each.value"),
                                                "api": api.certificate_settings(self.svm, self.serial_number)},
                       for_each=f'{{for k, v in {ref}.values : k => v if k == "id"}}')


def read_certificate(path: str, text: object, field: str = "public_certificate") -> x509.Certificate:
    """One PEM X.509 certificate (written back as ``cryptography`` writes it: what the cluster shows); never a
    private key, which would be written into the synthesized JSON in clear. Messages never quote the text."""
    if not isinstance(text, str) or Token.is_unresolved(text):
        raise KeyformConfigError(path, field, "is not PEM text known at synth",
                                 "pass the certificate's PEM text (e.g. Path('client.pem').read_text())")
    blocks = _PEM_BLOCK.findall(text)
    if any("PRIVATE KEY" in block for block in blocks):
        raise KeyformConfigError(path, field, "holds a private key, which would be written into cdk.tf.json in clear",
                                 "pass only the certificate here, and its key as private_key=secret(...)")
    if blocks != ["CERTIFICATE"]:
        found = f"{len(blocks)} PEM blocks" if blocks else "no PEM block"
        raise KeyformConfigError(path, field, f"is not one PEM certificate ({found})",
                                 "pass one -----BEGIN CERTIFICATE----- block; install each certificate of a chain "
                                 "as its own OntapCertificate")
    try:
        return x509.load_pem_x509_certificate(text.strip().encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise KeyformConfigError(path, field, "is not a readable X.509 certificate",
                                 "pass the PEM text as issued (openssl x509 -in FILE -noout checks it)") from None


def _check_name(path: str, name: object) -> None:
    if not isinstance(name, str) or not NAME.match(name):
        raise KeyformConfigError(path, "name", f"{name!r} is not a certificate name keyform installs",
                                 "use 1-255 letters, digits, '.', '_' or '-', starting with a letter or digit")


def _register(cert: OntapCertificate) -> None:
    """Names unique per cluster and scope, and not also named as a certificate installed outside the stack."""
    stack = TerraformStack.of(cert)
    declared = _DECLARED.setdefault(stack, {})
    key = (cert.provider.node.path, cert.svm, cert.name)
    where = f'SVM "{cert.svm}"' if cert.svm else "the cluster"
    if key in declared:
        raise KeyformConfigError(cert.node.path, "name", f"'{cert.name}' is already declared in {where} by "
                                 f"{declared[key]}", "give each certificate of a scope its own name")
    for user, field, svm in _NAMED.get(stack, {}).get((cert.provider.node.path, cert.name), []):
        if cert.svm in (None, svm):
            raise KeyformConfigError(user, field, f"'{cert.name}' is named as a string (installed outside the stack), "
                                     f"and {cert.node.path} installs it", _PASS_IT)
    declared[key] = cert.node.path


_PASS_IT = "pass the OntapCertificate itself, so that the key manager is created after it and deleted before it"


def check_named(scope: Construct, field: str, provider: RestProvider, svm: Optional[str], name: str) -> None:
    """A certificate a key manager names as a string: installed outside the stack, so not one it declares."""
    stack = TerraformStack.of(scope)
    for (provider_path, cert_svm, cert_name), cert_path in _DECLARED.get(stack, {}).items():
        if provider_path == provider.node.path and cert_name == name and cert_svm in (None, svm):
            raise KeyformConfigError(scope.node.path, field, f"'{name}' is named as a string (installed outside the "
                                     f"stack), and {cert_path} installs it", _PASS_IT)
    _NAMED.setdefault(stack, {}).setdefault((provider.node.path, name), []).append((scope.node.path, field, svm))

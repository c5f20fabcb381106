"""A brownfield on loopback: simulators populated through their HTTP APIs (with keyform's client), and
the model the importer should read from them.

- ONTAP ``ONTAP``: SVM ``svm-east`` with two key servers (one given in capitals, which ONTAP stores normalized,
  with two secondaries and a timeout), SVM ``svm_west`` with one key server that has secondaries and a KMIP user,
  and the cluster's Onboard Key Manager; the key servers are two real KMIP servers (``Brownfield.kmip``: the
  cluster connects to each primary it adds), ``KMS1`` (``localhost:PORT``) and ``KMS2`` (``127.0.0.1:PORT``);
- VSP One Object ``VSP``: four KMIP servers, ``kms-c`` promoted to primary (``kms-a`` was added first);
- Vault ``VAULT_A`` (primary) and ``VAULT_B`` (its DR secondary, id ``dr-b``).
"""

from __future__ import annotations

import socket
from dataclasses import dataclass, field

from keyform.client import ClientConfig, CsrfConfig, OAuth2Config, RestClient
from keyform.importer.model import (Inventory, KeyManagerEntry, KeyServerEntry, OntapCluster, VaultMember, VaultSet,
                                    VspServer, VspSystem)
from keyform.simulators.__main__ import build_settings, start
from keyform.simulators.common import Faults
from keyform.simulators.common.tls import process_ca
from keyform.simulators.kmip.server import RunningKmipServer, start_kmip_server
from tests.conftest import CA_CERT_FILE, SESSION_CA

ONTAP_PASSWORD = "ontap-Brownfield-Passw0rd"
VSP_PASSWORD = "vsp-Brownfield-Passw0rd"
KMIP_PASSWORD = "kmip-West-Secret-7"
PASSPHRASE = "brownfield onboard passphrase, 32+ characters long"
CIPHERS = ("TLS_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
DR = "/sys/replication/dr"


@dataclass
class Brownfield:
    servers: list = field(default_factory=list)
    env: dict = field(default_factory=dict)  # KEYFORM_* settings of the import
    secrets: list = field(default_factory=list)  # every secret value the test used
    expected: Inventory = Inventory()
    listener: RunningKmipServer | None = None
    kmip: list = field(default_factory=list)  # the ONTAP key servers: KMS1, KMS2

    def stop(self) -> None:
        for server in self.servers:
            server.stop()
        for kmip in ([self.listener] if self.listener is not None else []) + self.kmip:
            kmip.stop()


def start_simulator(kind: str, name: str, **settings):
    config = build_settings(kind, name, 0, None, Faults())
    config.ca = SESSION_CA  # HTTPS with the test session's run CA
    for key, value in settings.items():
        setattr(config, key, value)
    return start(kind, config)


def ontap_client(url: str, password: str = ONTAP_PASSWORD) -> RestClient:
    return RestClient(ClientConfig(url, username="admin", password=password, retry_max=0, ca_cert_file=CA_CERT_FILE))


def vsp_client(url: str, password: str = VSP_PASSWORD) -> RestClient:
    root = url.rsplit("/mapi", 1)[0]
    return RestClient(ClientConfig(url, username="admin", password=password, retry_max=0, ca_cert_file=CA_CERT_FILE,
                                   oauth2=OAuth2Config(f"{root}/auth/realms/object/protocol/openid-connect/token",
                                                       "vsp-object"), csrf=CsrfConfig("/v1/csrf")))


def vault_client(url: str, token: str) -> RestClient:
    return RestClient(ClientConfig(url, token_header="X-Vault-Token", token=token, retry_max=0,
                                   ca_cert_file=CA_CERT_FILE))


def closed_port() -> int:
    sock = socket.create_server(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def populate_ontap(url: str, kms1: str, kms2: str) -> None:
    """``kms1`` (``localhost:PORT``), ``kms2`` (``127.0.0.1:PORT``): real KMIP servers."""
    ontap = ontap_client(url)
    sync = "?return_timeout=30"

    def key_manager(svm: str, cas: list[str]) -> str:
        body = {"svm": {"name": svm}, "external": {"client_certificate": {"name": "kmip-client"},
                                                   "server_ca_certificates": [{"name": n} for n in cas]}}
        created = ontap.request("POST", f"/security/key-managers{sync}&return_records=true", body)
        return created.body["records"][0]["uuid"]

    east = key_manager("svm-east", ["kmip-ca", "kmip-ca-2"])
    ontap.request("POST", f"/security/key-managers/{east}/key-servers{sync}", {
        "server": kms1.upper(), "timeout": 30,
        "secondary_key_servers": ["kms1-dr.example.com", "kms1-dr2.example.com:5697"]})
    ontap.request("POST", f"/security/key-managers/{east}/key-servers{sync}", {"server": kms2})
    west = key_manager("svm_west", ["kmip-ca"])
    ontap.request("POST", f"/security/key-managers/{west}/key-servers{sync}", {
        "server": kms2, "secondary_key_servers": ["kms3-dr.example.com:5696"],
        "username": "kmip-west", "password": KMIP_PASSWORD, "timeout": 15})
    ontap.request("POST", f"/security/key-managers{sync}", {"onboard": {"passphrase": PASSPHRASE}})


def populate_vsp(url: str, online_port: int) -> dict[str, int]:
    """kms-a first (so it starts primary), kms-c promoted (it must be online: a KMIP server on ``online_port``)."""
    vsp = vsp_client(url)
    ports = {"kms-a": closed_port(), "kms-b": closed_port(), "kms-c": online_port, "kms-d": closed_port()}
    servers = [
        {"name": "kms-a", "kmipProtocol": "V2_0", "httpsCiphers": ",".join(CIPHERS)},
        {"name": "kms-d", "isTLS12Enabled": False, "kmipProtocol": "V1_4", "httpsCiphers": CIPHERS[0]},
        {"name": "kms-c", "kmipProtocol": "V3_0", "httpsCiphers": ",".join(CIPHERS)},
        {"name": "kms-b", "kmipProtocol": "V1_3", "httpsCiphers": ",".join(reversed(CIPHERS))},
    ]
    for server in servers:
        vsp.request("POST", "/v1/kmip/add_server", {**server, "host": "127.0.0.1", "port": ports[server["name"]]})
    vsp.request("POST", "/v1/kmip/promote_server", {"name": "kms-c"})
    return ports


def dr_pair(primary_url: str, primary_token: str, secondary_url: str, secondary_token: str, secondary_id: str) -> str:
    """Enable the primary, activate the secondary as ``secondary_id``; the activation token (a secret)."""
    primary = vault_client(primary_url, primary_token)
    primary.request("POST", f"{DR}/primary/enable", {})
    answer = primary.request("POST", f"{DR}/primary/secondary-token", {"id": secondary_id}).body
    activation = answer["wrap_info"]["token"]
    vault_client(secondary_url, secondary_token).request("POST", f"{DR}/secondary/enable", {"token": activation})
    return activation


def build() -> Brownfield:
    field_ = Brownfield()
    try:
        ontap = start_simulator("ontap", "ontap", password=ONTAP_PASSWORD, extra={"svms": ["svm-east", "svm_west"]})
        vsp = start_simulator("vsp", "vsp", password=VSP_PASSWORD)
        field_.servers += [ontap, vsp]
        vault_a = start_simulator("vault", "vault-a", token="vault-a-Brownfield-Token")
        vault_b = start_simulator("vault", "vault-b", token="vault-b-Brownfield-Token")
        field_.servers += [vault_a, vault_b]
        field_.listener = start_kmip_server(vsp.settings.ca or process_ca())  # kms-c: a KMIP server VSP trusts
        urls = {"ONTAP": ontap.url + "/api", "VSP": vsp.url + "/mapi", "VAULT_A": vault_a.url + "/v1",
                "VAULT_B": vault_b.url + "/v1"}
        field_.kmip = [start_kmip_server(SESSION_CA) for _ in range(2)]
        kms1, kms2 = f"localhost:{field_.kmip[0].port}", field_.kmip[1].address
        populate_ontap(urls["ONTAP"], kms1, kms2)
        ports = populate_vsp(urls["VSP"], field_.listener.port)
        activation = dr_pair(urls["VAULT_A"], vault_a.settings.token, urls["VAULT_B"], vault_b.settings.token, "dr-b")
    except BaseException:
        field_.stop()
        raise
    field_.env = {
        "KEYFORM_ONTAP_BASE_URL": urls["ONTAP"], "KEYFORM_ONTAP_PASSWORD": ONTAP_PASSWORD,
        "KEYFORM_VSP_BASE_URL": urls["VSP"], "KEYFORM_VSP_USERNAME": "admin", "KEYFORM_VSP_PASSWORD": VSP_PASSWORD,
        "KEYFORM_VAULT_A_BASE_URL": urls["VAULT_A"], "KEYFORM_VAULT_A_TOKEN": vault_a.settings.token,
        "KEYFORM_VAULT_B_BASE_URL": urls["VAULT_B"], "KEYFORM_VAULT_B_TOKEN": vault_b.settings.token,
        # each appliance's CA, read by the importer and by the providers of the code it writes
        **{f"KEYFORM_{name}_CA_CERT_FILE": CA_CERT_FILE for name in ("ONTAP", "VSP", "VAULT_A", "VAULT_B")},
    }
    field_.secrets = [ONTAP_PASSWORD, VSP_PASSWORD, KMIP_PASSWORD, PASSPHRASE, vault_a.settings.token,
                      vault_b.settings.token, activation]
    field_.expected = expected(urls, ports, vault_a.url, vault_b.url, kms1, kms2)
    return field_


def expected(urls: dict, ports: dict, vault_a: str, vault_b: str, kms1: str, kms2: str) -> Inventory:
    """What the importer must read from the brownfield."""
    ontap = OntapCluster("ONTAP", urls["ONTAP"], "admin", (
        KeyManagerEntry(None, onboard=True),
        KeyManagerEntry("svm-east", client_certificate="kmip-client", server_ca_certificates=("kmip-ca", "kmip-ca-2"),
                        key_servers=(
                            KeyServerEntry(kms2, timeout=25),
                            KeyServerEntry(kms1, ("kms1-dr.example.com", "kms1-dr2.example.com:5697"), 30),
                        )),
        KeyManagerEntry("svm_west", client_certificate="kmip-client", server_ca_certificates=("kmip-ca",),
                        key_servers=(KeyServerEntry(kms2, ("kms3-dr.example.com:5696",), 15, "kmip-west"),)),
    ))
    vsp = VspSystem("VSP", urls["VSP"], "admin", (
        VspServer("kms-a", "127.0.0.1", ports["kms-a"], False, True, "V2_0", CIPHERS),
        VspServer("kms-b", "127.0.0.1", ports["kms-b"], False, True, "V1_3", tuple(reversed(CIPHERS))),
        VspServer("kms-c", "127.0.0.1", ports["kms-c"], True, True, "V3_0", CIPHERS),
        VspServer("kms-d", "127.0.0.1", ports["kms-d"], False, False, "V1_4", CIPHERS[:1]),
    ))
    vault = VaultSet((VaultMember("VAULT_A", "vault-a", urls["VAULT_A"], vault_a, True),
                      VaultMember("VAULT_B", "dr-b", urls["VAULT_B"], vault_b, False)))
    return Inventory((ontap,), (vsp,), (vault,))

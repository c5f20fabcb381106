"""The provider over HTTPS against a simulator: without the CA that signed the appliance's certificate it is
refused, saying to set ca_cert_file; with ca_cert_file (or ``<env_prefix>CA_CERT_FILE``) it reads."""

from __future__ import annotations

import re

from tests.provider.conftest import TERRAFORM_BLOCK, provider_block

READ = """
data "rest_object" "cluster" {
  path = "/cluster"
}
"""


def test_a_provider_without_the_ca_is_refused_with_what_to_set(simulator, terraform):
    ontap = simulator("ontap", name="ontap-tls")
    password = {"KEYFORM_ONTAP_PASSWORD": ontap.settings.password}
    tf = terraform()
    tf.write(TERRAFORM_BLOCK + provider_block(ontap.url + "/api", username="admin", env_prefix="KEYFORM_ONTAP_",
                                              retry_max=0) + READ)
    refused = tf.plan(check=False, env=password)
    assert refused.returncode == 1
    said = re.sub(r"\s+", " ", refused.stderr)
    assert f"GET {ontap.url}/api/cluster: no answer (TLS certificate verify failed" in said
    assert "set ca_cert_file to the CA that signed the appliance's certificate" in said
    assert "Traceback" not in refused.output and ontap.settings.password not in refused.output

    trusted = tf.plan(env={**password, "KEYFORM_ONTAP_CA_CERT_FILE": ontap.ca_cert_file})
    assert trusted.returncode == 0


def test_ca_cert_file_in_the_provider_block_is_trusted(simulator, terraform):
    ontap = simulator("ontap", name="ontap-tls-block")
    tf = terraform()
    tf.write(TERRAFORM_BLOCK + provider_block(ontap.url + "/api", username="admin", env_prefix="KEYFORM_ONTAP_",
                                              ca_cert_file=ontap.ca_cert_file) + READ)
    assert tf.plan(env={"KEYFORM_ONTAP_PASSWORD": ontap.settings.password}).returncode == 0

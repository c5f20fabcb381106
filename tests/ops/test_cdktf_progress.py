"""What the main job shows of cdktf deploy's output: each progress line once, naming its stack."""

import pytest

from keyform.ops.cdktf_cli import Progress, applied

# cdktf deploy of several stacks at once (abridged from a real run): each chunk's first line
# names its stack, the chunk's other lines are indented to match.
DEPLOY = """\
Warning: Incomplete lock file information for providers
vsp  Terraform used the selected providers to generate the following execution plan.
     Plan: 4 to add, 0 to change, 0 to destroy.
ontap  Terraform used the selected providers to generate the following execution plan.
       Plan: 3 to add, 0 to change, 0 to destroy.
vsp  rest_operation.kmip_promote_8A473465 (kmip/promote): Creating...
     rest_operation.kmip_promote_8A473465 (kmip/promote): Creation complete after 0s
vsp  Apply complete! Resources: 4 added, 0 changed, 0 destroyed.
vault-dr  Plan: 3 to add, 0 to change, 0 to destroy.
ontap  rest_object.key_server (key_manager/key_server): Creation complete after 1s [id=kms1.example.com:5696]
       Apply complete! Resources: 3 added, 0 changed, 0 destroyed.

       Outputs:
"""


# CDK Terrain's cdktn deploy (abridged from a real run): a chunk's other lines are not indented, and where a
# chunk breaks varies from run to run, so "Apply complete!" is sometimes inside one (the flaky CI run of 651dac3).
DEPLOY_CDKTN = """\
Warning: Incomplete lock file information for providers
ontap  Terraform used the selected providers to generate the following execution
plan. Resource actions are indicated with the following symbols:
Plan: 3 to add, 0 to change, 0 to destroy.
vsp  # rest_operation.kmip_promote_8A473465 (kmip/promote) will be created
Plan: 4 to add, 0 to change, 0 to destroy.
vsp  Apply complete! Resources: 4 added, 0 changed, 0 destroyed.
vault-dr  rest_operation.dr_vault_a_promote_E49236DB (dr/vault_a_promote): Creation complete after 0s
ontap  rest_object.key_server (key_manager/key_server): Creation complete after 1s [id=kms1.example.com:5696]
Apply complete! Resources: 3 added, 0 changed, 0 destroyed.

Outputs:
"""


def shown(text: str, indents_chunks: bool = True) -> list[str]:
    progress = Progress(indents_chunks)
    return [line for line in map(progress.worth_showing, text.splitlines()) if line]


def test_every_progress_line_names_its_stack_even_inside_a_chunk():
    assert shown(DEPLOY) == [
        "Warning: Incomplete lock file information for providers",
        "vsp  Plan: 4 to add, 0 to change, 0 to destroy.",
        "ontap  Plan: 3 to add, 0 to change, 0 to destroy.",
        "vsp  Apply complete! Resources: 4 added, 0 changed, 0 destroyed.",
        "vault-dr  Plan: 3 to add, 0 to change, 0 to destroy.",
        "ontap  Apply complete! Resources: 3 added, 0 changed, 0 destroyed.",
    ]


def test_a_line_repeated_is_shown_once():
    assert shown("ontap  No changes.\nontap  No changes.\n") == ["ontap  No changes."]


def test_cdk_terrain_chunks_are_not_indented_yet_every_progress_line_names_its_stack():
    assert shown(DEPLOY_CDKTN, indents_chunks=False) == [
        "Warning: Incomplete lock file information for providers",
        "ontap  Plan: 3 to add, 0 to change, 0 to destroy.",
        "vsp  Plan: 4 to add, 0 to change, 0 to destroy.",
        "vsp  Apply complete! Resources: 4 added, 0 changed, 0 destroyed.",
        "ontap  Apply complete! Resources: 3 added, 0 changed, 0 destroyed.",
    ]


def test_after_cdktf_chunks_an_unindented_line_is_the_clis_own_not_the_last_stacks():
    assert shown("ontap  Plan: 3 to add, 0 to change, 0 to destroy.\nError: terraform apply failed\n") == [
        "ontap  Plan: 3 to add, 0 to change, 0 to destroy.", "Error: terraform apply failed"]


@pytest.mark.parametrize(("cdk", "output"), [("cdktf", DEPLOY), ("cdktn", DEPLOY_CDKTN)])
def test_the_stacks_applied_are_read_from_either_clis_output(monkeypatch, cdk, output):
    monkeypatch.setenv("KEYFORM_CDK", cdk)
    assert applied(output) == {"vsp", "ontap"}

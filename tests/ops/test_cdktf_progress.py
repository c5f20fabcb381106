"""What the main job shows of cdktf deploy's output: each progress line once, naming its stack."""

from keyform.ops.cdktf_cli import Progress

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


def shown(text: str) -> list[str]:
    progress = Progress()
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

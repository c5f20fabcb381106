"""After a failed deploy, the main job asks `cdktf diff` about each stack the deploy did not finish (cdktf's deploy
prints a plan refused at plan time only sometimes, depending on when the error reaches it)."""

from keyform.main_job import STACKS, unfinished


def test_the_stacks_a_failed_deploy_did_not_apply_are_the_ones_explained():
    output = "\n".join([
        "ontap  Apply complete! Resources: 0 added, 0 changed, 0 destroyed.",
        "vsp  Apply complete! Resources: 0 added, 0 changed, 0 destroyed.",
        "vault-dr  Plan: 0 to add, 0 to change, 5 to destroy.",
        "vault-dr  Error: Refused: /sys/replication/dr/secondary/merkle-check",
        "site  Apply complete! Resources: 0 added, 0 changed, 0 destroyed.",
    ])
    assert unfinished(output) == ["vault-dr"]
    assert unfinished("") == list(STACKS)
    # a stack's name inside another's (site-vsp is an appliance, not a stack) does not count as that stack
    assert "vsp" in unfinished("site-vsp  Apply complete! Resources: 1 added, 0 changed, 0 destroyed.")

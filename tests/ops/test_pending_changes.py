"""The main job's last step names what a diff with changes found: the simulators stop right after, so a user (or
a CI log) could not ask `cdktf diff` afterwards."""

from keyform.main_job import what_changes

DIFF = """vault-dr  rest_operation.vault_a_token_for_vault_b: Refreshing state... [id=op-1]
vault-dr  Terraform used the selected providers to generate the following execution plan.
vault-dr    ~ update in-place
vault-dr    # rest_operation.vault_a_token_for_vault_b (vault_a_token_for_vault_b) will be updated in-place
vault-dr    ~ resource "rest_operation" "vault_a_token_for_vault_b" {
vault-dr          ~ body = jsonencode({ id = "vault-b", ttl = "30m" })
vault-dr        }
vault-dr    # rest_object.kms (kms) must be replaced
vault-dr  Plan: 0 to add, 1 to change, 0 to destroy.
vault-dr  Error: Refused: /sys/replication/dr/secondary/merkle-check"""


def test_a_diff_with_changes_is_told_by_its_resources_plan_and_errors_without_values():
    assert what_changes(DIFF) == [
        "vault-dr    # rest_operation.vault_a_token_for_vault_b (vault_a_token_for_vault_b) will be updated in-place",
        "vault-dr    # rest_object.kms (kms) must be replaced",
        "vault-dr  Plan: 0 to add, 1 to change, 0 to destroy.",
        "vault-dr  Error: Refused: /sys/replication/dr/secondary/merkle-check",
    ]
    assert what_changes("vault-dr  No changes. Your infrastructure matches the configuration.") == []


def test_a_long_diff_is_cut_saying_how_much_more():
    many = "\n".join(f"s  # rest_object.o{i} will be created" for i in range(25))
    shown = what_changes(many)
    assert len(shown) == 21 and shown[-1] == "... (5 more)"

"""A stale plan with the state in PostgreSQL (Terraform's pg backend, ``KEYFORM_STATE_BACKEND=pg``): the case the
local-only check let through with a report and exit 0. Real Terraform, real PostgreSQL (:mod:`tests.postgres`),
stacks of built-in ``terraform_data`` objects whose backend block holds no connection string (``PG_CONN_STR``)."""

from __future__ import annotations

import json
import re

import pytest

from keyform.constructs.state_backend import schema_name
from tests.plan_report.tf_stacks import Stacks, keyform, needs_terraform
from tests.postgres import postgres  # noqa: F401  (the session's PostgreSQL)

pytestmark = [needs_terraform, pytest.mark.e2e]


@pytest.fixture
def database(postgres, request):  # noqa: F811
    """A new database for the test; its name."""
    name = re.sub(r"[^a-z0-9]", "_", request.node.name.lower())[:50]
    postgres.new_database(name)
    return name


def test_a_stale_plan_on_the_pg_backend_is_refused(postgres, database, tmp_path):  # noqa: F811
    stacks = Stacks(tmp_path)
    stacks.env["PG_CONN_STR"] = postgres.url(database)
    stacks.backend = {"pg": {"schema_name": schema_name("a")}}
    stacks.declare("a", x="one")
    stacks.plan("a")
    fresh = keyform("plan-report", "a", cwd=stacks.root, env=stacks.env)
    assert fresh.returncode == 0, fresh.stderr
    assert "Planned against no state (nothing deployed yet) — current" in fresh.stdout

    stacks.deploy("a")  # the state in PostgreSQL moves on: the plan is stale
    held = postgres.state(database, schema_name("a"))
    state = json.loads(held)
    report = keyform("plan-report", "a", cwd=stacks.root, env=stacks.env)
    assert report.returncode == 4, report.stderr
    assert "> **Not current**: the saved plan of stack `a` is stale" in report.stdout
    assert (f"the stack now has state serial {state['serial']} (lineage `{state['lineage']}`); make it again with "
            "`cdktf diff a`") in report.stdout
    refused = keyform("apply-plan", "a", cwd=stacks.root, env=stacks.env)
    assert refused.returncode == 4, refused.stderr
    assert "refused: stale plan(s) of a; nothing applied; exit 4" in refused.stderr
    assert postgres.state(database, schema_name("a")) == held

    stacks.declare("a", x="two")
    stacks.plan("a")
    applied = keyform("apply-plan", "a", cwd=stacks.root, env=stacks.env)
    assert applied.returncode == 0, applied.stderr
    resources = json.loads(postgres.state(database, schema_name("a")))["resources"]
    assert resources[0]["instances"][0]["attributes"]["input"]["value"] == "two"
    for result in (fresh, report, refused, applied):
        assert postgres.password not in result.stdout + result.stderr

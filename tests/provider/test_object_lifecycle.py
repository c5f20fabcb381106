"""rest_object through its whole life, with the real terraform binary against the test API."""

from __future__ import annotations

import json

from tests.provider.conftest import config

NO_CHANGES = "No changes. Your infrastructure matches the configuration."


def thing(name="alpha", size=3, color="red") -> str:
    return f"""
resource "rest_object" "x" {{
  path = "/things"
  data = jsonencode({{ name = "{name}", size = {size}, color = "{color}" }})
}}
"""


def test_full_lifecycle(api, terraform):
    tf = terraform()
    things = api.collection("things")

    # create
    tf.write(config(api.base_url, thing()))
    applied = tf.apply()
    assert "1 added, 0 changed, 0 destroyed" in applied.stdout
    [post] = api.calls("POST", "/api/things")
    assert post.json == {"name": "alpha", "size": 3, "color": "red"}
    [uid] = things
    values = tf.resource("rest_object.x")
    assert values["id"] == uid
    assert json.loads(values["data"]) == {"color": "red", "name": "alpha", "size": 3}
    assert json.loads(values["response"])["server_added"] == "by-server"

    # a second plan: nothing to do, although the server added uuid and server_added
    assert NO_CHANGES in tf.plan().stdout

    # change one key: PATCH with only that key
    api.clear()
    tf.write(config(api.base_url, thing(size=4)))
    applied = tf.apply()
    assert "0 added, 1 changed, 0 destroyed" in applied.stdout
    assert "size" in applied.stdout and "3 -> 4" in applied.stdout
    [patch] = api.calls("PATCH")
    assert patch.path == f"/api/things/{uid}"
    assert patch.json == {"size": 4}
    assert things[uid]["size"] == 4

    # out-of-band change: the plan shows that key, with both values, and apply repairs it
    things[uid]["color"] = "blue"
    api.clear()
    applied = tf.apply()  # prints the plan it applies
    assert "0 added, 1 changed, 0 destroyed" in applied.stdout
    change_lines = [line for line in applied.stdout.splitlines() if "color" in line]
    assert any('"blue"' in line and '"red"' in line for line in change_lines), applied.stdout
    [patch] = api.calls("PATCH")
    assert patch.json == {"color": "red"}
    assert things[uid]["color"] == "red"

    # repaired; and fields the server adds or changes on its own never show as drift
    things[uid]["firmware"] = "9.14.1"
    things[uid]["server_added"] = "changed by the server"
    planned = tf.plan()
    assert NO_CHANGES in planned.stdout
    assert "firmware" not in planned.stdout

    # out-of-band delete: planned again, and apply creates it again
    del things[uid]
    api.clear()
    applied = tf.apply()
    assert "rest_object.x will be created" in applied.stdout
    assert "1 added, 0 changed, 0 destroyed" in applied.stdout
    assert len(api.calls("POST", "/api/things")) == 1
    [uid] = things

    # import by object path into a fresh state; the plan right after shows no changes
    tf.remove_state()
    imported = tf.import_("rest_object.x", f"/things/{uid}")
    assert "Import successful" in imported.stdout
    values = tf.resource("rest_object.x")
    assert values["id"] == uid and values["path"] == "/things"
    assert NO_CHANGES in tf.plan().stdout

    # destroy sends DELETE
    api.clear()
    destroyed = tf.destroy()
    assert "1 destroyed" in destroyed.stdout
    assert [(r.method, r.path) for r in api.calls("DELETE")] == [("DELETE", f"/api/things/{uid}")]
    assert things == {}


def test_response_after_create_is_what_a_refresh_reads_so_no_drift_shows(api, terraform):
    # ONTAP-style create answers wrap the object ({"num_records": 1, "records": [...]}): the state
    # keeps the object as a GET shows it, so a refresh right after apply finds nothing changed.
    api.create_answers_records = True
    tf = terraform()
    wrapped = 'api  = jsonencode({ id_attribute = "records/0/uuid" })\n  path = '
    tf.write(config(api.base_url, thing().replace("path = ", wrapped)))
    tf.apply()
    [uid] = api.collection("things")
    assert [c.path for c in api.calls("GET")] == [f"/api/things/{uid}"]  # read back once, after the POST
    response = json.loads(tf.resource("rest_object.x")["response"])
    assert response == {"name": "alpha", "size": 3, "color": "red", "uuid": uid, "server_added": "by-server"}
    refresh = tf.plan("-refresh-only")
    assert "No changes. Your infrastructure still matches the configuration." in refresh.stdout, refresh.stdout

"""The lock entry ``keyform.constructs.synth`` writes for keyform's provider: added to a stack's lock file,
replacing an older one, leaving other providers' entries as they are."""

from __future__ import annotations

from keyform import __version__
from keyform.constructs.synth import HEADER, lock_entry, write_lock_entry
from keyform.provider.install import package_hash

OTHER = 'provider "registry.terraform.io/hashicorp/aws" {\n  version = "5.0.0"\n  hashes = [\n    "h1:x=",\n  ]\n}\n'
STALE = 'provider "keyform.local/keyform/rest" {\n  version     = "0.0.9"\n  hashes = [\n    "h1:old=",\n  ]\n}\n'


def test_the_entry_is_what_terraform_init_records():
    entry = lock_entry()
    assert f'version     = "{__version__}"' in entry and f'constraints = "{__version__}"' in entry
    assert f'"{package_hash()}",' in entry


def test_a_new_lock_file(tmp_path):
    path = tmp_path / ".terraform.lock.hcl"
    write_lock_entry(path, lock_entry())
    assert path.read_text() == HEADER + "\n" + lock_entry()


def test_an_older_entry_is_replaced_and_other_providers_kept(tmp_path):
    path = tmp_path / ".terraform.lock.hcl"
    path.write_text(HEADER + "\n" + OTHER + "\n" + STALE)
    write_lock_entry(path, lock_entry())
    assert path.read_text() == HEADER + "\n" + OTHER + "\n" + lock_entry()


def test_an_entry_is_added_beside_other_providers_and_nothing_is_rewritten_twice(tmp_path):
    path = tmp_path / ".terraform.lock.hcl"
    path.write_text(HEADER + "\n" + OTHER)
    write_lock_entry(path, lock_entry())
    assert path.read_text() == HEADER + "\n" + OTHER + "\n" + lock_entry()
    before = path.stat().st_mtime_ns
    write_lock_entry(path, lock_entry())
    assert path.stat().st_mtime_ns == before

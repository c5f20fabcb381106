"""The provider checks its settings at ConfigureProvider and builds its HTTP client on first use: one client for
every thread that asks at once, none when the settings were refused, and the configured secrets redacted either
way."""

from __future__ import annotations

import threading

from tf.utils import Diagnostics

from keyform.provider.provider import RestProvider

SETTINGS = {"base_url": "https://ontap.example/api", "username": "admin", "password": "pw-on-first-use-1",
            "headers": {"X-Api-Key": "hdr-on-first-use-2"}}


def configured(**settings) -> tuple[RestProvider, Diagnostics]:
    provider, diags = RestProvider(), Diagnostics()
    provider.configure_provider(diags, {**SETTINGS, **settings})
    return provider, diags


def test_threads_asking_at_once_share_one_client():
    provider, diags = configured()
    assert not diags.has_errors()
    clients, ready = [], threading.Barrier(8)

    def ask():
        ready.wait()
        clients.append(provider.client)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(clients) == 8 and clients[0] is not None and all(c is clients[0] for c in clients)
    assert clients[0].base_url == "https://ontap.example/api"


def test_refused_settings_give_no_client_and_the_error_at_configure():
    provider, diags = configured(base_url="ontap.example/api")
    assert diags.has_errors()
    assert provider.client is None


def test_configured_secrets_are_redacted_before_and_after_the_client_is_built():
    provider, _ = configured()
    text = "sent pw-on-first-use-1 and hdr-on-first-use-2"
    assert provider.redact(text) == "sent *** and ***"
    assert provider.client is not None
    assert provider.redact(text) == "sent *** and ***"


def test_configuring_again_builds_a_client_of_the_new_settings():
    provider, _ = configured()
    first = provider.client
    provider.configure_provider(Diagnostics(), {**SETTINGS, "base_url": "https://other.example/api"})
    assert provider.client is not first and provider.client.base_url == "https://other.example/api"

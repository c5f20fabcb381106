"""Entry point Terraform runs: ``python -m keyform.provider``."""

import sys


def main() -> int:
    from keyform.provider.plugin_server import serve

    def provider():
        # Loaded on the first call, after the handshake: launch time is paid 3-5 times per command.
        from keyform.provider.provider import RestProvider

        return RestProvider()

    return serve(provider)


if __name__ == "__main__":
    sys.exit(main())

"""Entry point Terraform runs: ``python -m keyform.provider``."""

import sys


def main() -> int:
    from keyform.provider.plugin_server import serve
    from keyform.provider.provider import RestProvider

    return serve(RestProvider())


if __name__ == "__main__":
    sys.exit(main())

"""Real KMIP peers for the simulators: a PyKMIP server on loopback with mutual TLS (``server``), and the client
probe appliances make to a configured key server, Discover Versions over mutual TLS (``probe``)."""

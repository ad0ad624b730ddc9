"""cli: the `doctrine` command -- one module per command or group, registered by `app`.

Hands on exit codes: 0 ok, 1 a case or check failed, 2 bad input or usage."""

"""backtimer in a web browser: the server behind ``backtimer serve``."""
